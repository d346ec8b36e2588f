package dk.visitation.cases;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.registerCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rebuild's query reads open cases as typed rows (id and the status the case waits in). */
@QuarkusTest
class ProcessRebuildTest {

    @Test
    void open_cases_are_read_as_records_in_id_order_after_the_given_id() {
        UUID id = registerCase(freshCpr());
        // the smallest id below ours: the next open case after it is ours
        UUID before = new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() - 1);
        List<ProcessRebuild.OpenCase> open = QuarkusTransaction.requiringNew().call(() -> ProcessRebuild.openCases(before, 1));
        assertEquals(1, open.size());
        assertEquals(id, open.getFirst().id());
        assertTrue(open.getFirst().status() == CaseStatus.RECEIVED || open.getFirst().status() == CaseStatus.AWAITING_ASSESSMENT,
                open.getFirst().status().toString());
    }
}
