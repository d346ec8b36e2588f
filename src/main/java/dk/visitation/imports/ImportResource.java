package dk.visitation.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Paths;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemType;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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

/** The bulk import of a municipality's open caseload, and the record of its imports. */
@Path("/imports")
@Tag(name = "Imports", description = "Bulk import of the open caseload from the municipality's systems (DUBU)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.SYSTEM, Role.LEADER})
public class ImportResource {

    private static final String EXAMPLE = """
            {"dubuCaseId": "DUBU-2024-001234", "child": {"cpr": "1503154321", "name": "Emil Jensen"}, "department": "MYN",
             "status": "PREPARING_COMMITTEE", "adviser": "mette.myn", "source": "SCHOOL", "receivedAt": "2024-03-11T10:00:00+01:00",
             "paymentResponsibility": [{"department": "MYN", "from": "2024-03-11"}],
             "grants": [{"serviceType": "RESPITE_CARE", "provider": "EXTERNAL", "providerName": "Aflastningsfamilien Holm",
                         "priceOre": 250000, "tariffPeriod": "MONTH", "scope": 4, "from": "2024-06-01", "to": "2027-06-01"}],
             "workItems": [{"kind": "INVESTIGATION_STARTED", "occurredAt": "2024-03-20T09:00:00+01:00"},
                           {"kind": "FOLLOW_UP", "occurredAt": "2024-12-02T09:00:00+01:00", "grant": 0}]}""";

    private final Imports imports;
    private final ObjectMapper json;

    ImportResource(Imports imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    /** The 422 of a refused batch: the problem, with the import's report beside it (an RFC 9457 extension member). */
    @Schema(name = "ImportRefused", description = "Problem details of a refused batch, with its report", requiredProperties = {"type",
            "title", "status", "report"})
    public record Refused(URI type, String title, int status, String detail,
            @Schema(format = "uri-reference", description = "The request path") URI instance, ImportApi.Report report) {
    }

    @POST
    @Consumes({ImportBatch.NDJSON, MediaType.APPLICATION_JSON})
    @Operation(operationId = "createImport", summary = "Import a batch of existing cases (or validate it: dryRun=true)",
            description = "At most 10,000 cases per batch (more is a 413), as NDJSON (one ImportLine per line) or a JSON array of them. "
                    + "Every line is validated; the report lists each problem with its line (1-based), field (a JSON path in the line) "
                    + "and message. A dry run writes no case. A real run with any invalid line is refused whole (422, with the report); "
                    + "otherwise every line is imported in transactions of 500 lines, idempotent by its DUBU case id: a line whose DUBU "
                    + "id a case already carries is UNCHANGED, so re-running a batch (also one that failed midway) changes nothing "
                    + "already imported. Each imported case is started in its process at the step its status waits in, and its "
                    + "case.registered event carries importId.")
    @RequestBody(required = true, content = {
            @Content(mediaType = ImportBatch.NDJSON, schema = @Schema(implementation = ImportApi.ImportLine.class),
                    examples = @ExampleObject(name = "one case per line", value = EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ImportApi.ImportLine.class), examples = @ExampleObject(name = "a JSON array of cases",
                    value = "[" + EXAMPLE + "]"))})
    @APIResponse(responseCode = "200", description = "A dry run's report (nothing written)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportApi.Report.class)))
    @APIResponse(responseCode = "201", description = "Imported: the report, with the case of each line",
            headers = @Header(name = "Location", description = "The import's report", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportApi.Report.class)))
    @APIResponse(responseCode = "400", description = "The body is neither NDJSON nor a JSON array")
    @APIResponse(responseCode = "413", description = "More than 10,000 cases, or a body over 32 MB")
    @APIResponse(responseCode = "422", description = "A line is invalid: nothing was imported; the report lists every problem",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Refused.class)))
    public Response create(String body,
            @Parameter(description = "Validate only: answer the report and write no case") @QueryParam("dryRun") @DefaultValue("false")
            boolean dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uri) {
        boolean ndjson = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(ImportBatch.NDJSON);
        List<ImportBatch.Line> lines = ImportBatch.read(json, body == null ? "" : body, ndjson);
        ImportApi.Report report = imports.run(lines, dryRun);
        if (dryRun) {
            return Response.ok(report).build();
        }
        URI location = uri.getBaseUriBuilder().path("imports").path(report.id().toString()).build();
        if (report.outcome() == ImportApi.ImportOutcome.REFUSED) {
            Problem problem = Problem.of(ProblemType.BUSINESS_RULE, report.invalid() + " of " + report.lines()
                    + " lines are invalid: nothing was imported (see report.problems)", uri.getPath(), List.of());
            return Response.status(problem.status()).type(Problem.PROBLEM_JSON).location(location)
                    .entity(new Refused(problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(), report)).build();
        }
        return Response.created(location).entity(report).build();
    }

    @GET
    @Operation(operationId = "listImports", summary = "The imports, newest first (dry runs included)")
    @APIResponse(responseCode = "200", description = "One page of imports", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportApi.ImportPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public ImportApi.ImportPage list(@Valid @BeanParam PageRequest page) {
        var found = imports.list(page);
        return new ImportApi.ImportPage(found.items(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id: " + Paths.UUID + "}")
    @Operation(operationId = "getImport", summary = "An import's report: counts, problems and what became of each line")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportApi.Report.class)))
    @APIResponse(responseCode = "404", description = "No such import")
    public ImportApi.Report get(@PathParam("id") UUID id) {
        return imports.report(id);
    }
}
