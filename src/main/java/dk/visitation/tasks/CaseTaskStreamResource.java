package dk.visitation.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.common.Paths;
import dk.visitation.common.ProblemException;
import dk.visitation.security.Role;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A case's tasks pushed as they open and change: the next task of a case without polling GET /tasks. */
@Path(Paths.CASE + "/tasks/stream")
@Tag(name = "Tasks", description = "Task lists (opgaver) from the processes, per candidate group")
@RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.COMMITTEE_MEMBER, Role.ECONOMY, Role.LEADER})
public class CaseTaskStreamResource {

    public static final int MAX_SECONDS = 3600;

    private final TaskStreams streams;
    private final ObjectMapper json;

    CaseTaskStreamResource(TaskStreams streams, ObjectMapper json) {
        this.streams = streams;
        this.json = json;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamCaseTasks", summary = "The case's tasks as they open and change (Server-Sent Events)",
            description = "First an event `task` for each open task of the case that the caller's groups see, then one for "
                    + "every task of the case that opens or changes (claimed, reassigned, completed, canceled): its `data` is "
                    + "the task as GET /tasks shows it, its `id` the task id and version. After `seconds` the stream sends "
                    + "`end` and closes; open a new one to go on (it starts again with the open tasks). Pushed from the "
                    + "database (PostgreSQL LISTEN/NOTIFY from the task's own transaction), so it works behind several "
                    + "replicas. Out of the caller's scope: 404, as the case. Logged as a read of the case's tasks.")
    @APIResponse(responseCode = "200", description = "The event stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "next task", value = """
                    event: task
                    id: 6f1c2a4e-8a53-4c1f-9a43-2f4f5e6d7c81:0
                    data: {"id":"6f1c2a4e-8a53-4c1f-9a43-2f4f5e6d7c81","name":"Målgruppevurdering","caseId":"0b7e8f4e-3c1d-4a47-9a7e-5f0c2d9b1a11","elementId":"assess-target-group","candidateGroup":"MYN","priority":60,"status":"OPEN","version":0}

                    event: end
                    data: end
                    """)))
    @APIResponse(responseCode = "400", description = "seconds outside 1-3600")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public Multi<OutboundSseEvent> stream(@PathParam("id") UUID id,
            @Parameter(description = "How long the stream stays open, in seconds (1-3600)", example = "300")
            @QueryParam("seconds") @DefaultValue("300") int seconds,
            @Context Sse sse) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw ProblemException.invalid("seconds", "must be 1-" + MAX_SECONDS);
        }
        return streams.open(streams.authorize(id), Duration.ofSeconds(seconds)).map(event -> event.task() == null
                ? sse.newEventBuilder().name(event.name()).data("end").build()
                : sse.newEventBuilder().name(event.name()).id(event.task().id() + ":" + event.task().version())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, write(event.task())).build());
    }

    private String write(TaskResource.TaskView task) {
        try {
            return json.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
