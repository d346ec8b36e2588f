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

    @Override
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public java.util.Set<UUID> childIdsOfCases(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Set.of();
        }
        String array = caseIds.stream().distinct().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        java.util.List<UUID> found = ChildCase.getEntityManager()
                .createNativeQuery("select distinct child_id from child_case where id = any(cast(:ids as uuid[]))", UUID.class)
                .setParameter("ids", array).getResultList();
        return new java.util.HashSet<>(found);
    }
}
