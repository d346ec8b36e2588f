package dk.visitation.economy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The measures (grants not rejected) that run on cases, as other features read them: the casework deadlines (follow-up,
 * child conversation, child's plan) and the quality radar. Not scoped and not logged here: the caller logs what it shows.
 */
@ApplicationScoped
public class Measures {

    /**
     * A measure: its grant, service type and legal basis, period [from, to) and when it was decided; whether the law asks
     * for a child's plan for it (support under Barnets Lov § 32 and placement under §§ 46-47 do; compensation for extra
     * costs and lost earnings, §§ 86-87, and special transport do not); whether it was ended before the end it was granted
     * with (its end then decided, not run out).
     */
    public record Measure(UUID grantId, UUID caseId, String serviceType, String legalBasis, boolean needsChildPlan, LocalDate from,
            LocalDate to, Instant decidedAt, boolean endedEarly) {

        public boolean runsOn(LocalDate day) {
            return !from.isAfter(day) && to.isAfter(day);
        }
    }

    /** Who provides a grant's service, and when: what the provider's status notes are owed for. */
    public record Provided(UUID grantId, UUID caseId, UUID providerId, String providerKind, String providerName, LocalDate from,
            LocalDate to, boolean inForce) {
    }

    /**
     * The grants among {@code grantIds}, by id (those not found are left out, as is a later part of a changed grant: a grant
     * is known by its first part's id), each with its whole period over its parts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Provided> provided(Collection<UUID> grantIds) {
        Map<UUID, Provided> found = new HashMap<>();
        for (List<UUID> batch : dk.visitation.common.IdBatches.of(grantIds)) {
            for (Grant g : Grant.<Grant>list("(id in ?1 or partOf in ?1) order by validFrom, createdAt", batch)) {
                Provided first = found.get(g.grantId());
                if (g.partOf == null) {
                    found.put(g.id, new Provided(g.id, g.caseId, g.providerId, g.provider.name(), g.providerName, g.validFrom, g.validTo,
                            g.approval.inForce()));
                } else if (first != null && g.approval != Grant.Approval.REJECTED && g.validTo.isAfter(g.validFrom)
                        && g.validTo.isAfter(first.to())) {
                    found.put(first.grantId(), new Provided(first.grantId(), first.caseId(), first.providerId(), first.providerKind(),
                            first.providerName(), first.from(), g.validTo, first.inForce()));
                }
            }
        }
        return found;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Measure> of(UUID caseId) {
        return of(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, List<Measure>> of(Collection<UUID> caseIds) {
        Map<UUID, List<Measure>> measures = new HashMap<>();
        for (List<UUID> batch : dk.visitation.common.IdBatches.of(caseIds)) {
            Map<UUID, Measure> byGrant = new java.util.LinkedHashMap<>();
            Grant.<Grant>list("caseId in ?1 and approval <> ?2 order by validFrom, id", batch, Grant.Approval.REJECTED)
                    .forEach(g -> byGrant.merge(g.grantId(), measure(g), Measures::joined));
            byGrant.values().forEach(m -> measures.computeIfAbsent(m.caseId(), k -> new java.util.ArrayList<>()).add(m));
        }
        return measures;
    }

    /** A grant in force that runs on a day, as other systems are told of it: the measure, its period and its provider. */
    public record RunningGrant(UUID grantId, String serviceType, String legalBasis, LocalDate from, LocalDate to, String provider,
            String providerName) {
    }

    /** The case's grants in force (not pending, not rejected) that run on {@code day}, earliest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RunningGrant> runningOn(UUID caseId, LocalDate day) {
        return Grant.<Grant>list("caseId = ?1 and validFrom <= ?2 and validTo > ?2 and approval in ?3 order by validFrom, id", caseId, day,
                        List.of(Grant.Approval.NOT_REQUIRED, Grant.Approval.APPROVED)).stream()
                .map(g -> new RunningGrant(g.grantId(), g.serviceType.name(), g.legalBasis, g.validFrom, g.validTo,
                        g.provider == null ? null : g.provider.name(), g.providerName))
                .toList();
    }

    /** The cases with any measure that has not ended before {@code since}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> casesWithMeasuresSince(LocalDate since) {
        return Grant.getEntityManager().createQuery(
                        "select distinct g.caseId from Grant g where g.validTo > :since and g.approval <> :rejected", UUID.class)
                .setParameter("since", since).setParameter("rejected", Grant.Approval.REJECTED).getResultList();
    }

    /** A grant changed from a date is one measure over its parts: from its first day to the end of its last part with days. */
    private static Measure joined(Measure first, Measure later) {
        return new Measure(first.grantId(), first.caseId(), first.serviceType(), first.legalBasis(), first.needsChildPlan(), first.from(),
                later.to().isAfter(later.from()) && later.to().isAfter(first.to()) ? later.to() : first.to(), first.decidedAt(),
                first.endedEarly() || later.endedEarly());
    }

    private static Measure measure(Grant g) {
        boolean plan = switch (g.serviceType) {
            case PLACEMENT, RESPITE_CARE, SUPPORTIVE_MEASURES, HOME_TRAINING -> true;
            case NECESSARY_EXTRA_COSTS, LOST_EARNINGS, SPECIAL_TRANSPORT -> false;
        };
        return new Measure(g.grantId(), g.caseId, g.serviceType.name(), g.legalBasis, plan, g.validFrom, g.validTo, g.createdAt, g.grantedTo != null);
    }
}
