package dk.visitation.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one shape of an event for other systems: an integration_event row as a CloudEvent 1.0, which the webhooks send
 * as they are and the feed (GET /events) gives in its own, older JSON. The mapping between the two:
 * <pre>
 *   CloudEvent        feed (IntegrationEvent)
 *   id                id
 *   type              "dk.visitation." + type      (feed: case.transferred → CloudEvent: dk.visitation.case.transferred)
 *   source            (the service, visitation.events.source)
 *   subject           caseId (absent for an event about no case)
 *   time              occurredAt (feed: Europe/Copenhagen offset; CloudEvent: UTC)
 *   sequence          seq, as a string (the CloudEvents sequence extension)
 *   data              payload (datacontenttype application/json)
 * </pre>
 * Ids and facts only: never a CPR number or a name (the payloads are built so by the publishing features).
 */
@ApplicationScoped
public class CloudEventMapping {

    public static final String TYPE_PREFIX = "dk.visitation.";
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE; // application/cloudevents+json
    static final String SEQUENCE = "sequence";

    private final URI source;
    private final io.cloudevents.core.format.EventFormat json;

    CloudEventMapping(@ConfigProperty(name = "visitation.events.source", defaultValue = "/visitation") URI source) {
        this.source = source;
        this.json = new JsonFormat();
    }

    /** The row as a CloudEvent. */
    public CloudEvent cloudEvent(StoredEvents.StoredEvent row) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(row.id().toString())
                .withType(TYPE_PREFIX + row.type())
                .withSource(source)
                .withTime(row.occurredAt().atOffset(ZoneOffset.UTC))
                .withExtension(SEQUENCE, Long.toString(row.seq()))
                .withDataContentType("application/json")
                .withData(row.payload().getBytes(StandardCharsets.UTF_8));
        if (row.caseId() != null) {
            event.withSubject(row.caseId().toString());
        }
        return event.build();
    }

    /** The CloudEvent in the structured JSON format (application/cloudevents+json), data inline as JSON. */
    public byte[] serialize(CloudEvent event) {
        return json.serialize(event);
    }

    /** The feed's type of a CloudEvent's type. */
    static String feedType(CloudEvent event) {
        return event.getType().substring(TYPE_PREFIX.length());
    }
}
