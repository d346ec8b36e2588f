package dk.visitation.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.security.Role;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The event feed for other municipal systems: poll with the last sequence number seen. */
@Path("/events")
@Tag(name = "Events", description = "Events for other municipal systems, in order")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.SYSTEM, Role.LEADER, Role.AUDITOR})
public class EventFeedResource {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private final ObjectMapper json;
    private final dk.visitation.security.AccessLog accessLog;

    EventFeedResource(ObjectMapper json, dk.visitation.security.AccessLog accessLog) {
        this.json = json;
        this.accessLog = accessLog;
    }

    @Schema(name = "IntegrationEvent")
    public record Event(long seq, UUID id, @Schema(examples = "case.transferred") String type, @Schema(nullable = true) UUID caseId,
            OffsetDateTime occurredAt, Map<String, Object> payload) {
    }

    @Schema(name = "EventFeed")
    public record Feed(List<Event> items, @Schema(description = "Pass as 'after' to get the next events") long next) {
    }

    @GET
    @Transactional
    @Operation(operationId = "readEvents", summary = "Events after a sequence number, oldest first",
            description = "case.transferred, payment-responsibility.changed, grant.changed, deadline.missed, deadline.met-late, case.inactive. "
                    + "Ids and facts only.")
    @APIResponse(responseCode = "200", description = "The next events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Feed.class)))
    @APIResponse(responseCode = "400", description = "Invalid after or limit")
    public Feed read(@Parameter(description = "The last sequence number seen (0 for the beginning)")
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @Parameter(description = "At most this many events") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<Event> events = dk.visitation.common.Rows.list(Panache.getEntityManager().createNativeQuery("""
                        select seq, id, type, case_id, occurred_at, cast(payload as text) from integration_event
                        where seq > :after order by seq limit :limit""")
                .setParameter("after", after).setParameter("limit", limit), Row.class).stream().map(this::event).toList();
        List<UUID> cases = events.stream().map(Event::caseId).filter(java.util.Objects::nonNull).distinct().toList();
        if (!cases.isEmpty()) { // facts about the cases (transferred, who pays, grants): a read of each child's case
            accessLog.record(dk.visitation.security.AccessLog.Action.READ, "event feed", cases, List.of(),
                    Map.of("after", after, "limit", limit));
        }
        return new Feed(events, events.isEmpty() ? after : events.getLast().seq());
    }

    /** An event as the table holds it, its payload as JSON text. */
    record Row(long seq, UUID id, String type, UUID caseId, Instant occurredAt, String payload) {
    }

    private Event event(Row row) {
        try {
            return new Event(row.seq(), row.id(), row.type(), row.caseId(), row.occurredAt().atZone(DENMARK).toOffsetDateTime(),
                    json.readValue(row.payload(), MAP));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
