package dk.visitation.deadlines;

import static dk.visitation.common.Times.local;

import dk.visitation.casework.CaseworkKind;
import dk.visitation.common.Department;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The deadlines' bodies. */
public final class DeadlineApi {

    private DeadlineApi() {
    }

    @Schema(name = "Deadline", description = "A statutory deadline derived from the case's casework record and measures")
    public record DeadlineView(
            @Schema(description = "Deterministic from the record, e.g. bl-136:<notification id>", examples = "bl-136:0b9f6d3e-2a1c-4e8b-8f7d-6c5b4a392817")
            String key,
            UUID caseId,
            @Schema(examples = "barnets-lov-136-notification-assessment") String rule,
            @Schema(examples = "Barnets Lov § 136") String legalBasis,
            String title,
            OffsetDateTime startsAt,
            @Schema(description = "The last moment that meets it") OffsetDateTime dueAt,
            @Schema(description = "The Danish day it is due") LocalDate dueOn,
            @Schema(description = "When it starts to warn (DUE_SOON)") OffsetDateTime warnFrom,
            DeadlineStatus status,
            @Schema(nullable = true, description = "When it was met") OffsetDateTime metAt,
            @Schema(nullable = true, description = "The casework record that met it") UUID metBy,
            @Schema(nullable = true) CaseworkKind metByKind,
            @Schema(nullable = true, description = "Why it does not apply (NOT_RELEVANT)") String notRelevantReason,
            Department department,
            @Schema(nullable = true) String adviser) {

        static DeadlineView of(Deadline d, Instant now, Department department, String adviser) {
            return new DeadlineView(d.key(), d.caseId(), d.rule().id(), d.rule().legalBasis(), d.rule().title(), local(d.startsAt()),
                    local(d.dueAt()), RuleContext.day(d.dueAt()), local(d.warnFrom()), d.statusAt(now), local(d.metAt()), d.metBy(),
                    d.metByKind(), d.notRelevantReason(), department, adviser);
        }
    }

    @Schema(name = "DeadlinePage")
    public record DeadlinePage(List<DeadlineView> items, int page, int size, long total) {
    }
}
