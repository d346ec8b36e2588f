package dk.visitation.quality;

import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkService;
import dk.visitation.deadlines.CaseRecord;
import dk.visitation.deadlines.DeadlineRules;
import dk.visitation.deadlines.RuleContext;
import dk.visitation.economy.Measures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cases' flags on a day, derived from their records as they stood at the end of that day: the one derivation behind
 * both the radar of a past day and the snapshot of today.
 */
@ApplicationScoped
class FlagDerivation {

    /** A case's flags, and whether the radar looks at it (a casework record, or a measure not ended a year before). */
    record Derived(UUID caseId, boolean counted, List<CaseFlags.Flag> flags) {
    }

    private final CaseworkService casework;
    private final Measures measures;
    private final DeadlineRules rules;
    private final int inactiveDays;

    FlagDerivation(CaseworkService casework, Measures measures, DeadlineRules rules,
            @ConfigProperty(name = "visitation.deadlines.inactive-days", defaultValue = "90") int inactiveDays) {
        this.casework = casework;
        this.measures = measures;
        this.rules = rules;
        this.inactiveDays = inactiveDays;
    }

    /** The cases' flags on {@code on}, in the order of {@code caseIds}. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<UUID, Derived> of(Collection<UUID> caseIds, LocalDate on) {
        Map<UUID, List<CaseworkFact>> facts = casework.facts(caseIds);
        Map<UUID, List<Measures.Measure>> running = measures.of(caseIds);
        Instant end = RuleContext.endOf(on);
        LocalDate yearBefore = on.minusYears(1);
        Map<UUID, Derived> derived = new LinkedHashMap<>();
        for (UUID id : caseIds) {
            List<CaseworkFact> all = facts.getOrDefault(id, List.of());
            List<Measures.Measure> decided = running.getOrDefault(id, List.of());
            CaseRecord asOn = new CaseRecord(id, all.stream().filter(f -> !f.occurredAt().isAfter(end)).toList(),
                    decided.stream().filter(m -> !m.decidedAt().isAfter(end)).toList());
            var followUps = rules.derive(asOn).stream().filter(CaseFlags::isFollowUp).toList();
            boolean counted = !all.isEmpty() || decided.stream().anyMatch(m -> m.to().isAfter(yearBefore));
            derived.put(id, new Derived(id, counted, CaseFlags.of(asOn, on, followUps, inactiveDays)));
        }
        return derived;
    }
}
