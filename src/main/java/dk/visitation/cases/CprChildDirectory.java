package dk.visitation.cases;

import dk.visitation.security.ChildDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The child record answers the auditor's "which child is this CPR number". */
@ApplicationScoped
class CprChildDirectory implements ChildDirectory {

    @Override
    public Optional<UUID> childIdOf(String cpr) {
        if (Cpr.problem(cpr, LocalDate.now(CaseApi.DENMARK)).isPresent()) {
            return Optional.empty();
        }
        return Child.byCpr(Cpr.parse(cpr)).map(child -> child.id);
    }
}
