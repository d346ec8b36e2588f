package dk.visitation.committee;

import dk.visitation.common.Paths;
import dk.visitation.common.ETags;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The visitation committee (visitationsudvalget): meetings, agendas, attendance, decisions, minutes and figures. */
@Path("/committee")
@Tag(name = "Committee", description = "The visitation committee's meetings every 14 days and its decisions")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class CommitteeResource {

    private static final String MEETING = "/meetings/{id: " + Paths.UUID + "}";
    private static final String ITEM = MEETING + "/agenda/{itemId: " + Paths.UUID + "}";

    private final MeetingSchedule schedule;
    private final Agenda agenda;
    private final MeetingAttendance attendance;
    private final CommitteeDecisions decisions;
    private final CommitteeStatistics statistics;
    private final MeetingViews views;

    CommitteeResource(MeetingSchedule schedule, Agenda agenda, MeetingAttendance attendance, CommitteeDecisions decisions,
            CommitteeStatistics statistics, MeetingViews views) {
        this.schedule = schedule;
        this.agenda = agenda;
        this.attendance = attendance;
        this.decisions = decisions;
        this.statistics = statistics;
        this.views = views;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance minutes(CommitteeApi.MeetingView meeting, String appeal);
    }

    @GET
    @Path("/meetings")
    @RolesAllowed({Role.COMMITTEE_MEMBER, Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "listMeetings", summary = "The committee's meetings, soonest first")
    @APIResponse(responseCode = "200", description = "One page of meetings", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.MeetingPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Page<CommitteeApi.MeetingSummary> meetings(
            @Parameter(description = "Meetings starting at or after") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "Meetings starting before") @QueryParam("to") OffsetDateTime to,
            @Parameter(description = "PLANNED, LOCKED or HELD") @QueryParam("status") Meeting.Status status,
            @Valid @BeanParam PageRequest page) {
        Page<Meeting> found = schedule.meetings(from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), status, page);
        return new Page<>(found.items().stream().map(m -> new CommitteeApi.MeetingSummary(m.id, dk.visitation.common.Times.local(m.startsAt),
                dk.visitation.common.Times.local(m.materialDeadline), m.statusAt(java.time.Instant.now()), m.extraordinary, m.historical, agenda.casesOnAgenda(m.id))).toList(),
                found.page(), found.size(), found.total());
    }

    @POST
    @Path("/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.COMMITTEE_MEMBER, Role.LEADER})
    @Operation(operationId = "scheduleMeeting", summary = "Schedule an extraordinary meeting",
            description = "Regular meetings every 14 days are planned by the service; this adds one in between. "
                    + "A leader can also record a meeting held before the service took over (historical), with its agenda and decisions.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.MeetingRequest.class),
            examples = @ExampleObject(name = "extraordinary", value = "{\"startsAt\": \"2026-12-16T09:00:00+01:00\"}")))
    @APIResponse(responseCode = "201", description = "Scheduled", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.MeetingView.class)))
    @APIResponse(responseCode = "400", description = "Not in the future (or, historical, not in the past)")
    @APIResponse(responseCode = "409", description = "A meeting is already planned at that time")
    public Response schedule(@Valid @NotNull CommitteeApi.MeetingRequest request) {
        Meeting meeting = schedule.schedule(request.startsAt().toInstant(), Boolean.TRUE.equals(request.historical()));
        return Response.status(Response.Status.CREATED).entity(views.view(meeting.id, "committee meeting")).tag(ETags.of(meeting.version)).build();
    }

    @GET
    @Path(MEETING)
    @RolesAllowed({Role.COMMITTEE_MEMBER, Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "getMeeting", summary = "A meeting with its agenda, attendance and decisions")
    @APIResponse(responseCode = "200", description = "The meeting", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.MeetingView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting")
    public Response meeting(@PathParam("id") UUID id) {
        CommitteeApi.MeetingView view = views.view(id, "committee meeting");
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path(MEETING + "/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.COMMITTEE_MEMBER, Role.LEADER})
    @Operation(operationId = "addToAgenda", summary = "Put a case on a meeting's agenda (before the material deadline)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.AgendaAddition.class),
            examples = @ExampleObject(name = "case", value = "{\"caseId\": \"b5c9ae2e-4c22-49a0-ac06-6282022e446d\"}")))
    @APIResponse(responseCode = "201", description = "On the agenda", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.MeetingView.class)))
    @APIResponse(responseCode = "400", description = "No case id")
    @APIResponse(responseCode = "404", description = "No such meeting, or the case is not in the caller's scope")
    @APIResponse(responseCode = "409", description = "The agenda is locked, or the case is not for the committee or already on an agenda")
    public Response add(@PathParam("id") UUID id, @Valid @NotNull CommitteeApi.AgendaAddition request) {
        agenda.add(id, request.caseId());
        return Response.status(Response.Status.CREATED).entity(views.view(id, "committee meeting")).build();
    }

    @DELETE
    @Path(ITEM)
    @RolesAllowed({Role.MYN_ADVISER, Role.COMMITTEE_MEMBER, Role.LEADER})
    @Operation(operationId = "removeFromAgenda", summary = "Take a case off a meeting's agenda (before the material deadline)")
    @APIResponse(responseCode = "204", description = "Removed; the removal and its reason are in the case's audit trail")
    @APIResponse(responseCode = "400", description = "The reason is too long or not percent-encoded")
    @APIResponse(responseCode = "404", description = "No such meeting or item")
    @APIResponse(responseCode = "409", description = "The agenda is locked, or the item is decided")
    public Response remove(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
            @Parameter(description = "Why (kept in the audit trail); percent-encode non-ASCII; at most 1000 characters",
                    example = "Sagen er trukket tilbage") @HeaderParam(dk.visitation.cases.CaseAuditTrail.CHANGE_REASON) String reason) {
        agenda.remove(id, itemId, dk.visitation.cases.CaseAuditTrail.reason(reason));
        return Response.noContent().build();
    }

    @PUT
    @Path(MEETING + "/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.COMMITTEE_MEMBER, Role.LEADER})
    @Operation(operationId = "recordAttendance", summary = "Record who attends the meeting (quorum: one from MYN and one from CBA)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.Attendance.class),
            examples = @ExampleObject(name = "quorum", value = """
                    {"members": [{"member": "mette.myn", "department": "MYN"}, {"member": "carl.cba", "department": "CBA"}]}""")))
    @APIResponse(responseCode = "200", description = "The meeting with its attendance", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.MeetingView.class)))
    @APIResponse(responseCode = "400", description = "A member without a name or department")
    @APIResponse(responseCode = "404", description = "No such meeting")
    public Response attendance(@PathParam("id") UUID id, @Valid @NotNull CommitteeApi.Attendance request) {
        attendance.recordAttendance(id, request.members());
        CommitteeApi.MeetingView view = views.view(id, "committee meeting");
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    @Path(ITEM)
    @RolesAllowed({Role.COMMITTEE_MEMBER, Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "getAgendaItem", summary = "One case on a meeting's agenda, with its ETag for the decision",
            description = "The ETag (the item's version) is what recordDecision takes in If-Match; the meeting's agenda "
                    + "lists the same version per item.")
    @APIResponse(responseCode = "200", description = "The agenda item",
            headers = @Header(name = "ETag", description = "Version of the agenda item", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.ItemView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting or item")
    public Response item(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        CommitteeApi.ItemView item = views.view(id, "committee agenda item").agenda().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Agenda item", itemId));
        return Response.ok(item).tag(ETags.of(item.version())).build();
    }

    @POST
    @Path(ITEM + "/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.COMMITTEE_MEMBER)
    @Operation(operationId = "recordDecision", summary = "Record the committee's decision on a case, with its justification",
            description = "CBA, MYN, SHARED (a lead and a contributing department) or PENDING (with the missing information: "
                    + "the case moves to the next meeting's agenda by itself). If-Match: the agenda item's ETag (version).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.DecisionRequest.class),
            examples = {@ExampleObject(name = "cba", value = """
                    {"outcome": "CBA", "justification": "Betydelig og varig nedsat funktionsevne er familiens hovedproblemstilling.",
                     "decidedBy": ["mette.myn", "carl.cba"]}"""),
                    @ExampleObject(name = "cbaWithDocument", summary = "With the decision's document in the ESDH system", value = """
                    {"outcome": "CBA", "justification": "Betydelig og varig nedsat funktionsevne er familiens hovedproblemstilling.",
                     "decidedBy": ["mette.myn", "carl.cba"],
                     "document": {"system": "SBSYS", "caseNumber": "27.24.00-G01-123-26", "documentId": "4801",
                                  "title": "Visitationsudvalgets beslutning", "date": "2026-12-09"}}""")}))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.DecisionView.class)))
    @APIResponse(responseCode = "400", description = "Missing justification, members not present, an incomplete shared/pending decision, "
            + "or a document reference to a system not configured or with a case number out of its format")
    @APIResponse(responseCode = "404", description = "No such meeting or item")
    @APIResponse(responseCode = "409", description = "Before the meeting, or already decided")
    @APIResponse(responseCode = "412", description = "The item changed since its ETag")
    @APIResponse(responseCode = "422", description = "No quorum")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response decide(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
            @Parameter(description = "The agenda item's ETag", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CommitteeApi.DecisionRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(CommitteeApi.DecisionView.of(decisions.decide(id, itemId, ifMatch, request))).build();
    }

    @GET
    @Path(MEETING + "/minutes")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @RolesAllowed({Role.COMMITTEE_MEMBER, Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "getMinutes", summary = "The minutes (referat): JSON, or printable HTML with Accept: text/html")
    @APIResponse(responseCode = "200", description = "The minutes", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.MeetingView.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such meeting")
    public Response minutes(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        CommitteeApi.MeetingView view = views.view(id, "committee minutes");
        if (accept != null && accept.contains(MediaType.TEXT_HTML)) {
            return Response.ok(Templates.minutes(view, Decision.NOT_APPEALABLE).render(), MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Role.COMMITTEE_MEMBER, Role.LEADER, Role.ECONOMY, Role.AUDITOR})
    @Operation(operationId = "getCommitteeStatistics", summary = "The committee's work in a period (by meeting date)")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeApi.Statistics.class)))
    @APIResponse(responseCode = "400", description = "Missing or reversed period")
    public CommitteeApi.Statistics statistics(
            @Parameter(description = "First day (ISO date)", required = true, example = "2022-01-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Day after the last (ISO date)", required = true, example = "2022-07-01") @QueryParam("to") LocalDate to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw ProblemException.invalid(from == null ? "from" : "to", "from and to are required, from before to");
        }
        return statistics.statistics(from, to);
    }
}
