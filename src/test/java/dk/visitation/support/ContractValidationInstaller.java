package dk.visitation.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Puts {@link ContractValidation} in front of every REST Assured call of every {@code @QuarkusTest}. */
public class ContractValidationInstaller implements QuarkusTestBeforeClassCallback, QuarkusTestBeforeEachCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        ContractValidation.install();
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ContractValidation.install();
    }
}
