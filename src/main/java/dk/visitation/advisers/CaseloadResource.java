package dk.visitation.advisers;

import dk.visitation.common.CsvWriter;
import dk.visitation.common.Department;
import dk.visitation.common.ProblemException;
import dk.visitation.common.Times;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caseload against the norm, its trend per month, and continuity: counts over the advisers and their cases, no case shown. */
@Path("/caseload")
@Tag(name = "Advisers", description = "The adviser register, the caseload against the norm and continuity")
public class CaseloadResource {

    static final String CSV = "text/csv";

    private final Caseload caseload;

    CaseloadResource(Caseload caseload) {
        this.caseload = caseload;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getCaseload", summary = "Per adviser the open cases on a day, per FTE, against the norm; per department the "
            + "totals and the FTE the norm asks for (JSON or CSV, one line per adviser)",
            description = "An adviser's open cases are the cases whose adviser they were at the end of the day: every status counts (none "
                    + "closes a case), each case once, for its (lead) adviser. Norms per FTE: disability 25–35, children and family 20–30 "
                    + "(configurable). fteNeeded holds the cases at the norm's upper bound.")
    @APIResponse(responseCode = "200", description = "The caseload", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseloadApi.Report.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Response get(@Parameter(description = "The department; both when left out") @QueryParam("department") Department department,
            @Parameter(description = "The day (Danish), default today") @QueryParam("on") LocalDate on,
            @HeaderParam("Accept") String accept) {
        CaseloadApi.Report report = caseload.on(department, on == null ? LocalDate.now(Times.DENMARK) : on);
        if (CsvWriter.asked(accept)) {
            List<List<?>> rows = new ArrayList<>();
            report.departments().forEach(d -> d.advisers().forEach(a -> rows.add(List.of(a.department(), a.userId(), a.name(),
                    a.caseloadKind(), a.fte(), a.active(), a.openCases(), a.loadPerFte(), a.norm().min(), a.norm().max(), a.status()))));
            return csv(List.of("department", "userId", "name", "caseloadKind", "fte", "active", "openCases", "loadPerFte", "normMin",
                    "normMax", "status"), rows, "sagstal-" + report.on());
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/monthly")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getMonthlyCaseload", summary = "Per month and adviser the open cases at the month's end, per FTE, against the norm "
            + "(JSON or CSV)", description = "The trend of the caseload: at most 60 months in one request. A month's line is there for an "
            + "adviser active on its last day or holding cases at its end.")
    @APIResponse(responseCode = "200", description = "The lines, month by month", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseloadApi.Monthly.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Missing or invalid months")
    public Response monthly(@Parameter(description = "The department; both when left out") @QueryParam("department") Department department,
            @Parameter(description = "The first month, YYYY-MM", required = true) @QueryParam("from") YearMonth from,
            @Parameter(description = "The last month, YYYY-MM", required = true) @QueryParam("to") YearMonth to,
            @HeaderParam("Accept") String accept) {
        required("from", from);
        required("to", to);
        CaseloadApi.Monthly monthly = caseload.monthly(department, from, to);
        if (CsvWriter.asked(accept)) {
            List<List<?>> rows = new ArrayList<>();
            monthly.lines().forEach(l -> rows.add(List.of(l.month(), l.department(), l.userId(), l.name(), l.caseloadKind(), l.fte(),
                    l.openCases(), l.loadPerFte(), l.status())));
            return csv(List.of("month", "department", "userId", "name", "caseloadKind", "fte", "openCases", "loadPerFte", "status"), rows,
                    "sagstal-pr-maaned-" + from + "-" + to);
        }
        return Response.ok(monthly, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/continuity")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getContinuity", summary = "Per department the share of its cases that changed adviser in a period, and the "
            + "changes per case (JSON or CSV)", description = "The cases are those that had one of the department's advisers at some time "
            + "from 'from' to 'to' (inclusive); a change is one named adviser replaced by another (a first adviser is none; a handover's "
            + "change counts in the receiving department). Per case: GET /cases/{id}/advisers.")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseloadApi.Continuity.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Missing or invalid dates")
    public Response continuity(@Parameter(description = "The department; both when left out") @QueryParam("department") Department department,
            @Parameter(description = "The first day (Danish)", required = true) @QueryParam("from") LocalDate from,
            @Parameter(description = "The last day (Danish), inclusive", required = true) @QueryParam("to") LocalDate to,
            @HeaderParam("Accept") String accept) {
        required("from", from);
        required("to", to);
        CaseloadApi.Continuity continuity = caseload.continuity(department, from, to);
        if (CsvWriter.asked(accept)) {
            List<List<?>> rows = new ArrayList<>();
            continuity.departments().forEach(d -> rows.add(List.of(d.department(), d.cases(), d.changedCases(), d.changes(),
                    d.shareChanged(), d.changesPerCase())));
            return csv(List.of("department", "cases", "changedCases", "changes", "shareChanged", "changesPerCase"), rows,
                    "kontinuitet-" + from + "-" + to);
        }
        return Response.ok(continuity, MediaType.APPLICATION_JSON).build();
    }

    private static void required(String name, Object value) {
        if (value == null) {
            throw ProblemException.invalid(name, "is required");
        }
    }

    private static Response csv(List<String> columns, List<List<?>> rows, String name) {
        return CsvWriter.download(CsvWriter.write(columns, rows), name + ".csv").build();
    }
}
