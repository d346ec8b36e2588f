package dk.visitation.cases;

import dk.visitation.common.Replays;
import dk.visitation.common.Paths;
import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
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

/** Intake and the case record: the entry point for frontends and other municipal systems. */
@Path("/cases")
@Transactional // responses are mapped inside the transaction, where the child record can still be loaded
@Tag(name = "Cases", description = "Intake of children's cases and the case record")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** Only UUIDs match, so /cases/search is never read as a case id. */
    static final String ID = "/{id: " + Paths.UUID + "}";

    private final CaseRegistration registration;
    private final CaseReads reads;
    private final CaseEdits edits;

    CaseResource(CaseRegistration registration, CaseReads reads, CaseEdits edits) {
        this.registration = registration;
        this.reads = reads;
        this.edits = edits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.SYSTEM})
    @Operation(operationId = "registerCase", summary = "Register a request about a child as a case",
            description = "Creates the case in MYN (unless another department is named), its status history and its visitation process. "
                    + "Send an Idempotency-Key to retry safely: the same key and body return the first response.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseApi.NewCase.class),
            examples = {@ExampleObject(name = "school", summary = "A request from a school", value = """
                    {"child": {"cpr": "1503154321", "name": "Emil Jensen"},
                     "source": "SCHOOL",
                     "receivedAt": "2026-11-20T09:30:00+01:00",
                     "description": "Skolen beskriver betydelig og varig nedsat funktionsevne og beder om støtte.",
                     "department": "MYN"}"""),
                    @ExampleObject(name = "fromDubu", summary = "Registered by another system with the case's DUBU id", value = """
                    {"child": {"cpr": "1503154321", "name": "Emil Jensen"},
                     "source": "OTHER_AUTHORITY",
                     "receivedAt": "2026-11-20T09:30:00+01:00",
                     "description": "Sagen er oprettet i DUBU og visiteres her.",
                     "dubuCaseId": "DUBU-2026-004711"}""")}))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location", description = "The new case", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the case", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseApi.CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. a CPR number that is not valid")
    @APIResponse(responseCode = "409", description = "Another case already carries the DUBU case id")
    @APIResponse(responseCode = "415", description = "Body is not JSON")
    @APIResponse(responseCode = "422", description = "Idempotency key used before with another body")
    @APIResponse(responseCode = "403", description = "The role does not allow it, or the department is not the caller's")
    public Response register(@Valid @NotNull CaseApi.NewCase request,
            @Parameter(description = "Makes the request safe to retry (1–200 characters)")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Parameter(description = "Why (kept in the audit trail); percent-encode non-ASCII; at most 1000 characters")
            @HeaderParam(CaseAuditTrail.CHANGE_REASON) String reason,
            @Context UriInfo uri) {
        CaseRegistration.Intake intake = registration.register(request, idempotencyKey, decode(reason));
        ChildCase created = intake.childCase();
        Response.ResponseBuilder response = Response.created(uri.getBaseUriBuilder().path("cases").path(created.id.toString()).build())
                .tag(ETags.of(created.version))
                .entity(CaseApi.CaseView.of(created));
        return Replays.answer(response, intake.replayed());
    }

    @GET
    @Path(CaseResource.ID)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.COMMITTEE_MEMBER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getCase", summary = "Read a case",
            description = "Answers 304 when If-None-Match names the current version.")
    @APIResponse(responseCode = "200", description = "The case",
            headers = @Header(name = "ETag", description = "Version of the case", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseApi.CaseView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the version named in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public Response get(@PathParam("id") UUID id,
            @Parameter(description = "An ETag from an earlier read") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ChildCase childCase = reads.read(id);
        if (ETags.notModified(ifNoneMatch, childCase.version)) {
            return Response.notModified(ETags.of(childCase.version)).build();
        }
        return Response.ok(CaseApi.CaseView.of(childCase)).tag(ETags.of(childCase.version)).build();
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.COMMITTEE_MEMBER, Role.LEADER, Role.AUDITOR, Role.SYSTEM})
    @Operation(operationId = "listCases", summary = "List cases, newest received first",
            description = "Filters combine with AND. CPR numbers are masked; to find a child's cases use POST /cases/search. "
                    + "Another system (SYSTEM) finds a case by its DUBU id: dubuCaseId is then required.")
    @APIResponse(responseCode = "200", description = "One page of cases", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CasePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging, or a system's list without dubuCaseId")
    public Page<CaseApi.CaseSummary> list(@BeanParam CaseFilter filter, @Valid @BeanParam PageRequest page) {
        return summaries(reads.list(filter, page));
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "searchCases", summary = "Find a child's cases by CPR number",
            description = "The CPR number goes in the body so that it never appears in a URL or an access log line.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseApi.CaseSearch.class),
            examples = @ExampleObject(name = "cpr", value = "{\"cpr\": \"1503154321\"}")))
    @APIResponse(responseCode = "200", description = "One page of the child's cases", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CasePage.class)))
    @APIResponse(responseCode = "400", description = "Not a valid CPR number")
    public Page<CaseApi.CaseSummary> search(@Valid @NotNull CaseApi.CaseSearch request, @Valid @BeanParam PageRequest page) {
        return summaries(reads.search(Cpr.parse(request.cpr()), page));
    }

    @PATCH
    @Path(CaseResource.ID)
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "updateCase", summary = "Change the editable fields of a case (JSON merge patch)",
            description = "Editable: description, adviser, source, receivedAt, dubuCaseId. A null removes an optional value. "
                    + "If-Match with the case's ETag is required.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH,
            schema = @Schema(type = SchemaType.OBJECT),
            examples = {@ExampleObject(name = "assignAdviser", value = "{\"adviser\": \"mette.myn\"}"),
                    @ExampleObject(name = "dubuCaseId", summary = "The case's id in DUBU", value = "{\"dubuCaseId\": \"DUBU-2026-004711\"}")}))
    @APIResponse(responseCode = "200", description = "The changed case",
            headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseApi.CaseView.class)))
    @APIResponse(responseCode = "400", description = "A field is not editable or not valid")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    @APIResponse(responseCode = "409", description = "Another case already carries the DUBU case id")
    @APIResponse(responseCode = "412", description = "The case changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version being changed", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Why (kept in the audit trail; required after the decision); percent-encode non-ASCII;"
                    + " at most 1000 characters")
            @HeaderParam(CaseAuditTrail.CHANGE_REASON) String reason,
            JsonNode patch) {
        ChildCase changed = edits.patch(id, ifMatch, patch, decode(reason));
        return Response.ok(CaseApi.CaseView.of(changed)).tag(ETags.of(changed.version)).build();
    }

    @GET
    @Path(CaseResource.ID + "/history")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.COMMITTEE_MEMBER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getCaseHistory", summary = "The status history of a case, oldest first")
    @APIResponse(responseCode = "200", description = "Status changes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CaseApi.StatusChangeView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public List<CaseApi.StatusChangeView> history(@PathParam("id") UUID id) {
        return reads.history(id).stream().map(CaseApi.StatusChangeView::of).toList();
    }

    @GET
    @Path(CaseResource.ID + "/audit")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getCaseAudit", summary = "The audit trail of a case: who changed what, old and new value, and why")
    @APIResponse(responseCode = "200", description = "Changes, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CaseApi.AuditView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public List<CaseApi.AuditView> audit(@PathParam("id") UUID id) {
        return reads.auditTrail(id).stream().map(CaseApi.AuditView::of).toList();
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance insight(CaseApi.InsightView insight);
    }

    @GET
    @Path(CaseResource.ID + "/insight")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "getCaseInsight", summary = "Aktindsigt: the case as a document for the family",
            description = "Target-group assessment, decisions with their justifications, handovers and history, as printable HTML. Logged as an export.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public TemplateInstance insight(@PathParam("id") UUID id) {
        return Templates.insight(CaseApi.InsightView.of(reads.insight(id)));
    }

    private static String decode(String header) {
        return CaseAuditTrail.reason(header);
    }

    private static Page<CaseApi.CaseSummary> summaries(Page<ChildCase> page) {
        return new Page<>(page.items().stream().map(CaseApi.CaseSummary::of).toList(), page.page(), page.size(), page.total());
    }

    /** For the contract only: a page of case summaries. */
    @Schema(name = "CasePage")
    record CasePage(List<CaseApi.CaseSummary> items, int page, int size, long total) {
    }
}
