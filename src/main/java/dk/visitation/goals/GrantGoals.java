package dk.visitation.goals;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseAuditTrail;
import dk.visitation.casework.CaseworkKind;
import dk.visitation.casework.CaseworkService;
import dk.visitation.common.ETags;
import dk.visitation.common.ProblemException;
import dk.visitation.common.Times;
import dk.visitation.economy.Measures;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The goals a grant's provider works toward (opgavemål), revised over the measure's life: each change is a new revision
 * with who, when and why, at the follow-up it names; a revision is never changed. If-Match names the revision changed
 * (0 before the first), so two advisers revising at once do not overwrite each other.
 */
@ApplicationScoped
public class GrantGoals {

    private final CaseAccess cases;
    private final CaseAuditTrail trail;
    private final Measures measures;
    private final CaseworkService casework;
    private final Caller caller;

    GrantGoals(CaseAccess cases, CaseAuditTrail trail, Measures measures, CaseworkService casework, Caller caller) {
        this.cases = cases;
        this.trail = trail;
        this.measures = measures;
        this.casework = casework;
        this.caller = caller;
    }

    @Transactional
    public GoalApi.GoalsView get(UUID caseId, UUID grantId) {
        cases.access(caseId, AccessLog.Action.READ, "grant goals");
        requireGrant(caseId, grantId);
        return view(caseId, grantId);
    }

    /** The goals from now on, as a new revision; the first may be set without If-Match. */
    @Transactional
    public GoalApi.GoalsView revise(UUID caseId, UUID grantId, GoalApi.Entry entry, String ifMatch) {
        cases.access(caseId, AccessLog.Action.CHANGE, "grant goals");
        requireGrant(caseId, grantId);
        GrantGoalLock.hold(grantId);
        GoalRevision current = current(grantId);
        int version = current == null ? 0 : current.revision;
        if (current != null || ifMatch != null) {
            ETags.requireCurrent(ifMatch, version);
        }
        if (entry.followUpId() != null) {
            boolean followUp = casework.facts(List.of(caseId)).getOrDefault(caseId, List.of()).stream()
                    .anyMatch(f -> f.id().equals(entry.followUpId()) && f.kind() == CaseworkKind.FOLLOW_UP && grantId.equals(f.grantId()));
            if (!followUp) {
                throw ProblemException.invalid("followUpId", "is not a follow-up of this grant in the case's casework record");
            }
        }
        GoalRevision revision = new GoalRevision();
        revision.id = UUID.randomUUID();
        revision.grantId = grantId;
        revision.caseId = caseId;
        revision.revision = version + 1;
        revision.goals = entry.goals().stream().map(String::strip).toArray(String[]::new);
        revision.reason = entry.reason() == null || entry.reason().isBlank() ? null : entry.reason().strip();
        revision.followUpId = entry.followUpId();
        revision.revisedBy = caller.user();
        revision.revisedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        revision.persistAndFlush();
        trail.record(caseId, null, current == null ? "ADD" : "CHANGE", "grant goals", current == null ? null : describe(current),
                describe(revision), revision.reason);
        return view(caseId, grantId);
    }

    private void requireGrant(UUID caseId, UUID grantId) {
        Measures.Provided grant = measures.provided(List.of(grantId)).get(grantId);
        if (grant == null || !grant.caseId().equals(caseId)) {
            throw ProblemException.notFound("Grant", grantId);
        }
    }

    private static GoalRevision current(UUID grantId) {
        return GoalRevision.<GoalRevision>find("grantId", Sort.descending("revision"), grantId).firstResult();
    }

    private static GoalApi.GoalsView view(UUID caseId, UUID grantId) {
        List<GoalApi.RevisionView> revisions = GoalRevision.<GoalRevision>list("grantId", Sort.descending("revision"), grantId).stream()
                .map(r -> new GoalApi.RevisionView(r.revision, List.of(r.goals), r.reason, r.followUpId, r.revisedBy, Times.local(r.revisedAt)))
                .toList();
        return new GoalApi.GoalsView(caseId, grantId, revisions.isEmpty() ? null : revisions.getFirst(), revisions,
                revisions.isEmpty() ? 0 : revisions.getFirst().revision());
    }

    private static String describe(GoalRevision r) {
        return r.grantId + " revision " + r.revision + ": " + String.join(" | ", r.goals);
    }
}
