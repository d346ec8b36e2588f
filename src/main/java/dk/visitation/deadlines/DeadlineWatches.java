package dk.visitation.deadlines;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseAccess;
import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkService;
import dk.visitation.common.Actor;
import dk.visitation.common.Rows;
import dk.visitation.common.Times;
import dk.visitation.economy.Measures;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.tasks.TaskService;
import dk.visitation.workflow.EngineStarted;
import dk.visitation.workflow.Outbox;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The watch over the casework record: a periodic scan derives every deadline and fires, once per deadline and kind
 * (the unique row in {@code deadline_watch}, claimed by an insert in the transaction that publishes its outbox command),
 * a warning task for the case's adviser (in the department's group, so a colleague sees it too) when a deadline is due soon, an escalation task for the department's leader
 * (group {@code LEADER-<department>}) and {@code deadline.missed} when it is missed, {@code deadline.met-late} when the
 * record meets it late, and {@code case.inactive} when a case with a running measure has had no activity for the
 * configured period. A watch whose deadline the record meets ends: its task leaves the task list and its process ends.
 * Nothing is held in memory: a restart re-opens the open watches' processes (the task rows are re-linked, never doubled)
 * and the next scan carries on from the table, so nothing fires twice or never.
 */
@ApplicationScoped
public class DeadlineWatches {

    static final String OPENED = "deadline.watch-opened";
    static final String ENDED = "deadline.watch-ended";

    private final DeadlineService deadlines;
    private final CaseAccess cases;
    private final CaseworkService casework;
    private final Measures measures;
    private final Outbox outbox;
    private final TaskService tasks;
    private final IntegrationEvents events;
    private final int inactiveDays;

    DeadlineWatches(DeadlineService deadlines, CaseAccess cases, CaseworkService casework, Measures measures, Outbox outbox,
            TaskService tasks, IntegrationEvents events,
            @ConfigProperty(name = "visitation.deadlines.inactive-days", defaultValue = "90") int inactiveDays) {
        this.deadlines = deadlines;
        this.cases = cases;
        this.casework = casework;
        this.measures = measures;
        this.outbox = outbox;
        this.tasks = tasks;
        this.events = events;
        this.inactiveDays = inactiveDays;
    }

    /** What one scan did. */
    public record Scan(int warnings, int escalations, int metLate, int inactive, int ended) {
    }

    @Scheduled(every = "${visitation.deadlines.watch-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "deadline-watch")
    void scheduled() {
        scan(Instant.now(), null);
    }

    /** Scans every case the rules may find a deadline on ({@code only} limits it to some cases) as at {@code now}. */
    public Scan scan(Instant now, Collection<UUID> only) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> List.copyOf(only != null ? only : deadlines.candidates(RuleContext.day(now))));
        int[] counts = new int[5];
        for (int i = 0; i < ids.size(); i += 200) {
            List<UUID> batch = ids.subList(i, Math.min(ids.size(), i + 200));
            QuarkusTransaction.requiringNew().run(() -> scanBatch(batch, now, counts));
        }
        return new Scan(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    private void scanBatch(List<UUID> ids, Instant now, int[] counts) {
        Map<UUID, CaseRef> refs = cases.refs(ids);
        Map<String, OpenWatch> open = openWatches(ids);
        for (Deadline d : deadlines.derive(ids)) {
            CaseRef ref = refs.get(d.caseId());
            if (ref == null) {
                continue;
            }
            DeadlineStatus status = d.statusAt(now);
            switch (status) {
                case DUE_SOON -> counts[0] += open(d, ref, "WARNING", ref.department().name(), ref.adviser(), now) ? 1 : 0;
                case OVERDUE -> {
                    counts[4] += end(open.get(d.key() + "/WARNING"), now);
                    if (open(d, ref, "ESCALATION", "LEADER-" + ref.department().name(), null, now)) {
                        counts[1]++;
                        events.publish(IntegrationEvents.DEADLINE_MISSED, d.caseId(), payload(d));
                    }
                }
                case MET, MET_LATE, NOT_RELEVANT -> {
                    counts[4] += end(open.get(d.key() + "/WARNING"), now) + end(open.get(d.key() + "/ESCALATION"), now);
                    if (status == DeadlineStatus.MET_LATE && claim(d, ref, "MET_LATE", d.dueAt(), now, true)) {
                        counts[2]++;
                        events.publish(IntegrationEvents.DEADLINE_MET_LATE, d.caseId(), payload(d));
                    }
                }
                default -> {
                }
            }
        }
        counts[3] += inactive(ids, refs, now);
    }

    /** case.inactive once per stretch without activity: keyed by the case and its last activity. */
    private int inactive(List<UUID> ids, Map<UUID, CaseRef> refs, Instant now) {
        Map<UUID, List<CaseworkFact>> facts = casework.facts(ids);
        Map<UUID, List<Measures.Measure>> running = measures.of(ids);
        int fired = 0;
        for (UUID id : ids) {
            List<Measures.Measure> measuresNow = running.getOrDefault(id, List.of()).stream().filter(m -> m.runsOn(RuleContext.day(now))).toList();
            if (measuresNow.isEmpty() || refs.get(id) == null) {
                continue;
            }
            Optional<Instant> last = lastActivity(facts.getOrDefault(id, List.of()), running.getOrDefault(id, List.of()));
            if (last.isEmpty()) {
                continue;
            }
            Instant since = last.get().plus(inactiveDays, ChronoUnit.DAYS);
            if (now.isAfter(since)) {
                String key = "inactive:" + id + ":" + RuleContext.day(last.get());
                Deadline marker = Deadline.open(key, id, INACTIVITY, last.get(), since, since);
                if (claim(marker, refs.get(id), "INACTIVE", since, now, true)) {
                    fired++;
                    events.publish(IntegrationEvents.CASE_INACTIVE, id, Map.of("since", Times.local(last.get()).toString(),
                            "inactiveDays", inactiveDays));
                }
            }
        }
        return fired;
    }

    /** The newest authority activity: any casework record, or a measure's decision. */
    static Optional<Instant> lastActivity(List<CaseworkFact> facts, List<Measures.Measure> measures) {
        return java.util.stream.Stream.concat(facts.stream().map(CaseworkFact::occurredAt), measures.stream().map(Measures.Measure::decidedAt))
                .max(Comparator.naturalOrder());
    }

    /** A rule stand-in for the inactivity marker (not a deadline of the law). */
    static final DeadlineRule INACTIVITY = new DeadlineRule() {
        @Override
        public String id() {
            return "case-inactivity";
        }

        @Override
        public String legalBasis() {
            return "Barnets Lov § 95 (løbende opfølgning)";
        }

        @Override
        public String title() {
            return "Ingen aktivitet på sagen, mens en indsats løber";
        }

        @Override
        public List<Deadline> derive(CaseRecord record, RuleContext context) {
            return List.of();
        }
    };

    private static Map<String, Object> payload(Deadline d) {
        return Map.of("deadlineKey", d.key(), "rule", d.rule().id(), "dueAt", Times.local(d.dueAt()).toString());
    }

    /** Claims the watch and starts its process; false when it was fired before. */
    private boolean open(Deadline d, CaseRef ref, String kind, String group, String assignee, Instant now) {
        UUID id = UUID.randomUUID();
        if (!claim(d, ref, kind, d.dueAt(), now, false, id)) {
            return false;
        }
        start(id, d.caseId(), kind, group, assignee, d.dueAt());
        return true;
    }

    private boolean claim(Deadline d, CaseRef ref, String kind, Instant due, Instant now, boolean ended) {
        return claim(d, ref, kind, due, now, ended, UUID.randomUUID());
    }

    private boolean claim(Deadline d, CaseRef ref, String kind, Instant due, Instant now, boolean ended, UUID id) {
        return Panache.getEntityManager().createNativeQuery("""
                        insert into deadline_watch (id, case_id, deadline_key, kind, rule, due_at, department, status, created_at, ended_at)
                        values (:id, :case, :key, :kind, :rule, :due, :department, :status, :now, :ended)
                        on conflict (deadline_key, kind) do nothing""")
                .setParameter("id", id).setParameter("case", d.caseId()).setParameter("key", d.key()).setParameter("kind", kind)
                .setParameter("rule", d.rule().id()).setParameter("due", due).setParameter("department", ref.department().name())
                .setParameter("status", ended ? "ENDED" : "OPEN").setParameter("now", now)
                .unwrap(org.hibernate.query.NativeQuery.class).setParameter("ended", ended ? now : null, Instant.class)
                .executeUpdate() == 1;
    }

    private void start(UUID watchId, UUID caseId, String kind, String group, String assignee, Instant due) {
        outbox.publishMessage(OPENED, watchId.toString(), "deadline-watch:" + watchId, variables(watchId, caseId, kind, group, assignee, due));
    }

    /** The watch process's variables: ids, the kind, the task's group and assignee (a user name) and the legal due time — no personal data. */
    static Map<String, Object> variables(UUID watchId, UUID caseId, String kind, String group, String assignee, Instant due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId.toString());
        variables.put("watchId", watchId.toString());
        variables.put("subjectId", watchId.toString());
        variables.put("kind", kind);
        variables.put("candidateGroup", group);
        if (assignee != null) {
            variables.put("assignee", assignee); // absent when the case has no adviser: the task is the group's
        }
        variables.put("dueAt", due.toString());
        return variables;
    }

    /** Ends an open watch: its task leaves the task list and its process ends. 1 when it was open. */
    private int end(OpenWatch watch, Instant now) {
        if (watch == null) {
            return 0;
        }
        UUID id = watch.id();
        int updated = Panache.getEntityManager().createNativeQuery(
                        "update deadline_watch set status = 'ENDED', ended_at = :now where id = :id and status = 'OPEN'")
                .setParameter("now", now).setParameter("id", id).executeUpdate();
        if (updated == 1) {
            tasks.cancel(id, null, Actor.SYSTEM);
            outbox.publishMessage(ENDED, id.toString(), "deadline-watch-ended:" + id, Map.of());
        }
        return updated;
    }

    /** An open watch as the table holds it. */
    record OpenWatch(UUID id, String deadlineKey, String kind, UUID caseId, Instant dueAt, String department) {
    }

    private static Map<String, OpenWatch> openWatches(List<UUID> ids) {
        Map<String, OpenWatch> open = new HashMap<>();
        Rows.list(Panache.getEntityManager().createNativeQuery("""
                        select id, deadline_key, kind, case_id, due_at, department from deadline_watch
                        where status = 'OPEN' and case_id in (:ids)""").setParameter("ids", ids), OpenWatch.class)
                .forEach(w -> open.put(w.deadlineKey() + "/" + w.kind(), w));
        return open;
    }

    /** The in-process engine forgot its instances: every open watch gets its process (and task) again. */
    void rebuild(@Observes EngineStarted engine) {
        if (engine.empty()) {
            QuarkusTransaction.requiringNew().run(this::restartOpen);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void restartOpen() {
        List<OpenWatch> watches = Rows.list(Panache.getEntityManager().createNativeQuery("""
                        select id, deadline_key, kind, case_id, due_at, department from deadline_watch
                        where status = 'OPEN' and kind in ('WARNING', 'ESCALATION')"""), OpenWatch.class);
        Map<UUID, CaseRef> refs = cases.refs(watches.stream().map(OpenWatch::caseId).distinct().toList());
        for (OpenWatch w : watches) {
            boolean warning = "WARNING".equals(w.kind());
            CaseRef ref = refs.get(w.caseId());
            String adviser = warning && ref != null ? ref.adviser() : null;
            start(w.id(), w.caseId(), w.kind(), warning ? w.department() : "LEADER-" + w.department(), adviser, w.dueAt());
        }
    }
}
