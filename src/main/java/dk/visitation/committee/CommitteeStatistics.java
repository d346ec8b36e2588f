package dk.visitation.committee;

import dk.visitation.assessment.AssessmentService;
import dk.visitation.cases.CaseAccess;
import dk.visitation.common.Rows;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/** The committee's work over a period, counted by meeting date as the seeds count it. */
@ApplicationScoped
class CommitteeStatistics {

    private final CaseAccess cases;
    private final AssessmentService assessments;

    CommitteeStatistics(CaseAccess cases, AssessmentService assessments) {
        this.cases = cases;
        this.assessments = assessments;
    }

    /** Final decisions of one outcome in the period. */
    private record Decided(Decision.Outcome outcome, long count) {
    }

    /** A final decision on a case, and when it was made. */
    private record Final(UUID caseId, Instant decidedAt) {
    }

    /** The committee's work in [from, to) by meeting date, as the seeds count it. */
    @Transactional
    public CommitteeApi.Statistics statistics(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(CommitteeApi.DENMARK).toInstant();
        Instant end = to.atStartOfDay(CommitteeApi.DENMARK).toInstant();
        Session em = Panache.getEntityManager().unwrap(Session.class); // typed native queries (createNativeQuery(sql, Long.class))
        long onAgenda = em.createNativeQuery("""
                        select count(distinct i.case_id) from agenda_item i join committee_meeting m on m.id = i.meeting_id
                        where i.status <> 'REMOVED' and m.starts_at >= :start and m.starts_at < :end""", Long.class)
                .setParameter("start", start).setParameter("end", end).getSingleResult();
        Map<Decision.Outcome, Long> decided = new EnumMap<>(Decision.Outcome.class);
        Rows.list(em.createNativeQuery("""
                        select outcome, count(*) from committee_decision
                        where outcome <> 'PENDING' and decided_at >= :start and decided_at < :end group by outcome""")
                .setParameter("start", start).setParameter("end", end), Decided.class)
                .forEach(d -> decided.put(d.outcome(), d.count()));
        long pending = em.createNativeQuery("""
                        select count(distinct i.case_id) from agenda_item i join committee_meeting m on m.id = i.meeting_id
                        where i.status <> 'REMOVED' and m.starts_at >= :start and m.starts_at < :end
                          and not exists (select 1 from committee_decision d where d.case_id = i.case_id
                                          and d.outcome <> 'PENDING' and d.decided_at < :end)""", Long.class)
                .setParameter("start", start).setParameter("end", end).getSingleResult();
        List<Final> finals = Rows.list(em.createNativeQuery("""
                        select case_id, decided_at from committee_decision
                        where outcome <> 'PENDING' and decided_at >= :start and decided_at < :end""")
                .setParameter("start", start).setParameter("end", end), Final.class);
        List<Double> days = new ArrayList<>();
        for (Final decision : finals) {
            days.add((double) ChronoUnit.DAYS.between(cases.ref(decision.caseId()).receivedAt(), decision.decidedAt()));
        }
        return new CommitteeApi.Statistics(from, to, onAgenda, decided.getOrDefault(Decision.Outcome.CBA, 0L),
                decided.getOrDefault(Decision.Outcome.MYN, 0L), decided.getOrDefault(Decision.Outcome.SHARED, 0L), pending,
                assessments.quickScreenings(start, end), median(days));
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
