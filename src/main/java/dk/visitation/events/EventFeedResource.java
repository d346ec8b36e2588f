package dk.visitation.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.security.Role;
import io.cloudevents.CloudEvent;
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
    private final StoredEvents stored;
    private final CloudEventMapping cloudEvents;

    EventFeedResource(ObjectMapper json, dk.visitation.security.AccessLog accessLog, StoredEvents stored, CloudEventMapping cloudEvents) {
        this.json = json;
        this.accessLog = accessLog;
        this.stored = stored;
        this.cloudEvents = cloudEvents;
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
            description = "case.registered, assessment.concluded, committee.decided, case.lead-changed, case.transferred, payment-responsibility.changed, "
                    + "grant.changed, deadline.missed, deadline.met-late, case.inactive. Ids and facts only. The same events as the webhooks, "
                    + "whose CloudEvent has type dk.visitation.<type>, subject the caseId, id the id, time occurredAt and data the payload.")
    @APIResponse(responseCode = "200", description = "The next events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Feed.class)))
    @APIResponse(responseCode = "400", description = "Invalid after or limit")
    public Feed read(@Parameter(description = "The last sequence number seen (0 for the beginning)")
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @Parameter(description = "At most this many events") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<Event> events = stored.after(after, limit).stream().map(cloudEvents::cloudEvent).map(this::event).toList();
        List<UUID> cases = events.stream().map(Event::caseId).filter(java.util.Objects::nonNull).distinct().toList();
        if (!cases.isEmpty()) { // facts about the cases (transferred, who pays, grants): a read of each child's case
            accessLog.record(dk.visitation.security.AccessLog.Action.READ, "event feed", cases, List.of(),
                    Map.of("after", after, "limit", limit));
        }
        return new Feed(events, events.isEmpty() ? after : events.getLast().seq());
    }

    /** The feed's shape of the CloudEvent the webhooks send (the mapping: {@link CloudEventMapping}). */
    private Event event(CloudEvent event) {
        try {
            return new Event(Long.parseLong(String.valueOf(event.getExtension(CloudEventMapping.SEQUENCE))), UUID.fromString(event.getId()),
                    CloudEventMapping.feedType(event), event.getSubject() == null ? null : UUID.fromString(event.getSubject()),
                    event.getTime().atZoneSameInstant(DENMARK).toOffsetDateTime(), json.readValue(event.getData().toBytes(), MAP));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
