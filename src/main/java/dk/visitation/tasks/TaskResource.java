package dk.visitation.tasks;

import dk.visitation.common.Paths;
import static dk.visitation.common.Times.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.ETags;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The task lists of case workers, the committee and economy: their part of the processes. */
@Path("/tasks")
@Tag(name = "Tasks", description = "Task lists (opgaver) from the processes, per candidate group")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.COMMITTEE_MEMBER, Role.ECONOMY, Role.LEADER})
@Transactional
public class TaskResource {

    static final String ID = "/{id: " + Paths.UUID + "}";
    private static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private final TaskService tasks;

    TaskResource(TaskService tasks) {
        this.tasks = tasks;
    }

    @Schema(name = "Task")
    public record TaskView(UUID id, @Schema(examples = "Målgruppevurdering") String name,
            @Schema(nullable = true, description = "The case; empty for a task about no single case (a settlement statement)") UUID caseId,
            @Schema(nullable = true, description = "What the task is about when that is not the case step alone: an economy review or a settlement statement")
            UUID subjectId,
            @Schema(examples = "assess-target-group") String elementId,
            @Schema(examples = "MYN") String candidateGroup, @Schema(nullable = true) String assignee, @Schema(nullable = true) OffsetDateTime dueAt,
            @Schema(nullable = true) OffsetDateTime followUpAt, int priority,
            @Schema(nullable = true, examples = "visitation:target-group-assessment") String formKey,
            @Schema(description = "The schema of the form's input, under #/components/schemas: what completeTask takes",
                    examples = "TargetGroupAssessmentForm") String formSchema,
            Task.Status status,
            @Schema(nullable = true) Map<String, Object> outcome, @Schema(nullable = true) String completedBy, @Schema(nullable = true) OffsetDateTime completedAt, OffsetDateTime createdAt,
            long version) {

        static TaskView of(Task t) {
            return new TaskView(t.id, t.name, t.caseId, t.subjectId, t.elementId, t.candidateGroup, t.assignee, local(t.dueAt),
                    local(t.followUpAt), t.priority, t.formKey, FormSchemas.of(t.formKey), t.status, t.outcome, t.completedBy, local(t.completedAt),
                    local(t.createdAt), t.version);
        }
    }

    @Schema(name = "TaskPage")
    public record TaskPage(List<TaskView> items, int page, int size, long total) {
    }

    @Schema(name = "Reassignment")
    public record Reassignment(@NotBlank @Size(max = 100) @Schema(examples = "lars.myn") String assignee) {
    }

    @GET
    @Operation(operationId = "listTasks", summary = "The caller's task list, soonest due first",
            description = "Only tasks of the caller's groups (MYN, CBA, COMMITTEE, ECONOMY from the roles); a leader sees all.")
    @APIResponse(responseCode = "200", description = "One page of tasks", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Page<TaskView> list(
            @Parameter(description = "Candidate group, e.g. MYN") @QueryParam("candidateGroup") String candidateGroup,
            @Parameter(description = "Assignee; 'me' for the caller") @QueryParam("assignee") String assignee,
            @Parameter(description = "Tasks of one case") @QueryParam("caseId") UUID caseId,
            @Parameter(description = "Tasks about one review or settlement statement") @QueryParam("subjectId") UUID subjectId,
            @Parameter(description = "Due before (ISO-8601 date-time)") @QueryParam("dueBefore") OffsetDateTime dueBefore,
            @Parameter(description = "OPEN (default), COMPLETED or CANCELED (its work was done otherwise)") @QueryParam("status") Task.Status status,
            @Valid @BeanParam PageRequest page) {
        Page<Task> found = tasks.list(new TaskService.TaskQuery(candidateGroup, assignee, caseId, subjectId,
                dueBefore == null ? null : dueBefore.toInstant(), status), page);
        return new Page<>(found.items().stream().map(TaskView::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path(ID)
    @Operation(operationId = "getTask", summary = "Read a task")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task in the caller's groups")
    public Response get(@PathParam("id") UUID id) {
        return ok(tasks.read(id));
    }

    @POST
    @Path(ID + "/claim")
    @Operation(operationId = "claimTask", summary = "Take a task (it becomes yours)")
    @APIResponse(responseCode = "200", description = "Claimed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task in the caller's groups")
    @APIResponse(responseCode = "409", description = "Claimed by someone else, or completed")
    public Response claim(@PathParam("id") UUID id) {
        return ok(tasks.claim(id));
    }

    @POST
    @Path(ID + "/unclaim")
    @Operation(operationId = "unclaimTask", summary = "Give a task back to its group")
    @APIResponse(responseCode = "200", description = "Released", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No such task in the caller's groups")
    @APIResponse(responseCode = "409", description = "Someone else's task, or completed")
    public Response unclaim(@PathParam("id") UUID id) {
        return ok(tasks.unclaim(id));
    }

    @POST
    @Path(ID + "/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reassignTask", summary = "Hand a task to another person in its group",
            description = "A claimed task is handed on only by its assignee or a leader. The new assignee must be a member of the "
                    + "task's candidate group: a user who has used the task list with a role that gives the group "
                    + "(MYN_ADVISER: MYN, CBA_ADVISER: CBA, COMMITTEE_MEMBER: COMMITTEE, ECONOMY: ECONOMY). "
                    + "The change is kept in the task's history.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reassignment.class),
            examples = @ExampleObject(name = "colleague", value = "{\"assignee\": \"lars.myn\"}")))
    @APIResponse(responseCode = "200", description = "Reassigned", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "No assignee")
    @APIResponse(responseCode = "404", description = "No such task in the caller's groups")
    @APIResponse(responseCode = "403", description = "The task is claimed by someone else and the caller is not a leader")
    @APIResponse(responseCode = "409", description = "The task is completed")
    @APIResponse(responseCode = "422", description = "The new assignee is not a member of the task's candidate group")
    public Response reassign(@PathParam("id") UUID id, @Valid @NotNull Reassignment request) {
        return ok(tasks.reassign(id, request.assignee()));
    }

    @Schema(name = "TaskHistoryEntry")
    public record HistoryView(@Schema(examples = "2026-11-24T10:15:00+01:00") OffsetDateTime at,
            @Schema(examples = "mette.myn") String actor, TaskHistory.Action action,
            @Schema(nullable = true, examples = "mette.myn") String oldAssignee,
            @Schema(nullable = true, examples = "lars.myn") String newAssignee) {

        static HistoryView of(TaskHistory h) {
            return new HistoryView(local(h.at), h.actor, h.action, h.oldAssignee, h.newAssignee);
        }
    }

    @GET
    @Path(ID + "/history")
    @Operation(operationId = "getTaskHistory", summary = "Who took, released and handed on a task, oldest first")
    @APIResponse(responseCode = "200", description = "The task's history", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryView.class),
            examples = @ExampleObject(name = "handed on", value = "[{\"at\": \"2026-11-24T10:15:00+01:00\", \"actor\": \"mette.myn\", "
                    + "\"action\": \"CLAIM\", \"oldAssignee\": null, \"newAssignee\": \"mette.myn\"}, "
                    + "{\"at\": \"2026-11-24T11:02:00+01:00\", \"actor\": \"mette.myn\", \"action\": \"REASSIGN\", "
                    + "\"oldAssignee\": \"mette.myn\", \"newAssignee\": \"lars.myn\"}]")))
    @APIResponse(responseCode = "404", description = "No such task in the caller's groups")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return tasks.history(id).stream().map(HistoryView::of).toList();
    }

    @POST
    @Path(ID + "/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeTask", summary = "Complete a task with its form's input",
            description = "The input is validated against the task's form (formKey; its schema is the task's formSchema): "
                    + "a bad form is a 400 naming the field, and completes nothing. "
                    + "Who completed it and with which outcome is kept.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(description = "The input of the task's form: the schema its formSchema names", oneOf = {
                    FormSchemas.TargetGroupAssessment.class, FormSchemas.CommitteeMaterial.class, FormSchemas.HandoverSummary.class,
                    FormSchemas.HandoverReceive.class, FormSchemas.EconomyReview.class, FormSchemas.SettlementApproval.class,
                    FormSchemas.NoInput.class}),
            examples = {
                    @ExampleObject(name = "visitation:target-group-assessment", summary = "Målgruppevurdering: agree with the recommendation",
                            value = "{\"outcome\": \"COMMITTEE\"}"),
                    @ExampleObject(name = "visitation:committee-material", summary = "Forbered materiale til visitationsudvalget",
                            value = "{\"functionalImpairment\": true, \"familySituation\": true, \"currentSupport\": true, "
                                    + "\"documents\": [\"Udtalelse fra BUP\"], \"summary\": \"Gråzonesag.\", "
                                    + "\"documentReferences\": [{\"system\": \"SBSYS\", \"caseNumber\": \"27.24.00-G01-123-26\", "
                                    + "\"documentId\": \"4712\", \"title\": \"Udtalelse fra BUP\", \"date\": \"2026-11-02\"}]}"),
                    @ExampleObject(name = "handover:summary", summary = "Overdragelsesresumé",
                            value = "{\"lastInvestigationOn\": \"2026-10-01\", \"lastMeetingOn\": \"2026-11-12\", "
                                    + "\"agreements\": \"Aflastning hver anden weekend.\", \"documents\": [{\"system\": \"SBSYS\", "
                                    + "\"caseNumber\": \"27.24.00-G01-123-26\", \"documentId\": \"4790\", "
                                    + "\"title\": \"Børnefaglig undersøgelse\", \"date\": \"2026-10-01\"}]}"),
                    @ExampleObject(name = "handover:receive", summary = "Modtag sag",
                            value = "{\"receivingAdviser\": \"carl.cba\", \"effectiveDate\": \"2026-12-01\"}"),
                    @ExampleObject(name = "economy:review", summary = "Økonomisk vurdering",
                            value = "{\"costConsequence\": \"Aflastning i CBA, ca. 250.000 kr om året.\", \"annualCostOre\": 25000000}"),
                    @ExampleObject(name = "settlement:approve", summary = "Godkend afregningsopgørelse",
                            value = "{\"version\": 2, \"note\": \"Gennemgået med CBA.\"}"),
                    @ExampleObject(name = "no-input", summary = "A task without a form of its own", value = "{}")}))
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "The input does not fit the task's form")
    @APIResponse(responseCode = "404", description = "No such task in the caller's groups")
    @APIResponse(responseCode = "409", description = "Claimed by someone else, or already completed")
    public Response complete(@PathParam("id") UUID id, JsonNode input) {
        return ok(tasks.complete(id, input));
    }

    private static Response ok(Task task) {
        return Response.ok(TaskView.of(task)).tag(ETags.of(task.version)).build();
    }

}
