package dk.visitation.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.ETags;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Times;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A person's edits of a case's record: a JSON merge patch of the editable fields, each change audited with its reason. */
@ApplicationScoped
class CaseEdits {

    static final Set<String> EDITABLE = Set.of("description", "adviser", "source", "receivedAt", "dubuCaseId");

    private final Validator validator;
    private final Caller caller;
    private final CaseAccess access;
    private final CaseAdvisers advisers;

    CaseEdits(Validator validator, Caller caller, CaseAccess access, CaseAdvisers advisers) {
        this.advisers = advisers;
        this.validator = validator;
        this.caller = caller;
        this.access = access;
    }

    /** Applies a JSON merge patch (RFC 7396) of the editable fields to the version named by If-Match. */
    @Transactional
    public ChildCase patch(UUID id, String ifMatch, JsonNode patch, String reason) {
        ChildCase childCase = access.visible(id);
        // read again under a row lock, so concurrent patches check the version one after the other
        ChildCase.getEntityManager().refresh(childCase, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireCurrent(ifMatch, childCase.version);
        if (childCase.status.decided() && (reason == null || reason.isBlank())) {
            throw new ProblemException(ProblemType.VALIDATION, "A change after the decision needs a reason",
                    List.of(new Problem.FieldError(CaseAuditTrail.CHANGE_REASON, "is required after the decision")));
        }
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.VALIDATION, "A merge patch must be a JSON object");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!EDITABLE.contains(name)) {
                errors.add(new Problem.FieldError(name, "cannot be changed here; editable: " + String.join(", ", EDITABLE.stream().sorted().toList())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The patch changes fields that are not editable", errors);
        }
        Editable edited = new Editable(
                patch.has("description") ? text(patch.get("description"), "description", errors) : childCase.description,
                patch.has("adviser") ? text(patch.get("adviser"), "adviser", errors) : childCase.adviser,
                patch.has("source") ? enumValue(patch.get("source"), "source", errors) : childCase.source,
                patch.has("receivedAt") ? dateTime(patch.get("receivedAt"), errors) : Times.local(childCase.receivedAt),
                patch.has("dubuCaseId") ? text(patch.get("dubuCaseId"), "dubuCaseId", errors) : childCase.dubuCaseId);
        for (ConstraintViolation<Editable> violation : validator.validate(edited)) {
            errors.add(new Problem.FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        String adviser = blankToNull(edited.adviser());
        if (errors.isEmpty() && !Objects.equals(adviser, childCase.adviser)) { // a case keeps an unregistered adviser until re-assigned
            advisers.check(adviser, childCase.department, "adviser").ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The patch is not valid", errors);
        }
        String dubuCaseId = DubuCaseIds.normalise(edited.dubuCaseId());
        DubuCaseIds.requireFree(dubuCaseId, childCase.id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String actor = caller.user();
        audit(childCase.id, now, actor, "description", childCase.description, edited.description(), reason);
        audit(childCase.id, now, actor, "adviser", childCase.adviser, adviser, reason);
        advisers.assigned(childCase.id, childCase.department, childCase.adviser, adviser, now, actor, reason);
        audit(childCase.id, now, actor, "source", childCase.source, edited.source(), reason);
        audit(childCase.id, now, actor, "receivedAt", childCase.receivedAt, edited.receivedAt().toInstant(), reason);
        audit(childCase.id, now, actor, "dubuCaseId", childCase.dubuCaseId, dubuCaseId, reason);
        childCase.description = edited.description();
        childCase.adviser = adviser;
        childCase.source = edited.source();
        childCase.receivedAt = edited.receivedAt().toInstant();
        childCase.dubuCaseId = dubuCaseId;
        childCase.updatedAt = now;
        childCase.persistAndFlush(); // bumps the version now, so the response carries the new ETag
        access.log(AccessLog.Action.CHANGE, "case", childCase);
        return childCase;
    }

    /** The fields a merge patch may change, validated with the same rules as intake. */
    record Editable(
            @NotBlank @Size(max = 4000) String description,
            @Size(max = 100) String adviser,
            @NotNull RequestSource source,
            @NotNull @PastOrPresent OffsetDateTime receivedAt,
            @Size(max = DubuCaseIds.MAX_LENGTH) @jakarta.validation.constraints.Pattern(regexp = DubuCaseIds.PATTERN, message = DubuCaseIds.MESSAGE)
            String dubuCaseId) {
    }

    private static void audit(UUID caseId, Instant at, String actor, String field, Object before, Object after, String reason) {
        if (!Objects.equals(before, after)) {
            CaseAudit.record(caseId, at, actor, "CHANGE", field, before, after, reason);
        }
    }

    private static String text(JsonNode node, String field, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Problem.FieldError(field, "must be a string"));
        }
        return node.asText();
    }

    private static RequestSource enumValue(JsonNode node, String field, List<Problem.FieldError> errors) {
        try {
            return node == null || node.isNull() ? null : RequestSource.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "must be one of " + List.of(RequestSource.values())));
            return RequestSource.OTHER_AUTHORITY;
        }
    }

    private static OffsetDateTime dateTime(JsonNode node, List<Problem.FieldError> errors) {
        try {
            return node == null || node.isNull() ? null : OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("receivedAt", "must be an ISO-8601 date-time with offset"));
            return OffsetDateTime.now();
        }
    }

    /** A blank name is no name; otherwise stripped (intake and patch treat the adviser alike). */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
