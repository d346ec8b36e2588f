package dk.visitation.waiting;

import dk.visitation.common.CsvWriter;
import dk.visitation.common.Department;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Times;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The waiting lists: the first meeting with the family, and the grants not yet started (omsætningslisten); JSON or CSV. */
@Path("/waiting")
@Tag(name = "Waiting lists", description = "Cases waiting for their first meeting, and grants whose service has not started")
public class WaitingListResource {

    static final String CSV = CsvWriter.MEDIA_TYPE;

    static final List<String> FIRST_MEETING_COLUMNS = List.of("caseId", "department", "status", "adviser", "receivedOn",
            "workingDaysWaited", "daysWaited", "standardDue", "exceeded");
    static final List<String> GRANT_COLUMNS = List.of("grantId", "caseId", "department", "adviser", "serviceType", "provider",
            "providerName", "grantedOn", "daysSinceGrant", "expectedStart", "daysPastExpectedStart");

    private final WaitingLists lists;

    WaitingListResource(WaitingLists lists) {
        this.lists = lists;
    }

    @GET
    @Path("/first-meeting")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listFirstMeetingWaits", summary = "The cases waiting for their first meeting with the family, oldest first (JSON or CSV)",
            description = "A case waits from the day it is received until a FIRST_MEETING_HELD casework record (POST /cases/{id}/casework) "
                    + "dated by the end of the list's day; every status counts. Each with the working days waited against the municipality's "
                    + "quality standard (visitation.waiting.first-meeting-working-days, default 10). Over the cases in the caller's scope; "
                    + "written to the access log as a search. CSV (Accept: text/csv) is the same page, its total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "One page of the list, with its figures",
            headers = @Header(name = "X-Total-Count", description = "CSV only: the cases waiting over all pages", schema = @Schema(type = SchemaType.INTEGER)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitingApi.FirstMeetingList.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Response firstMeeting(@Parameter(description = "The cases' department") @QueryParam("department") Department department,
            @Parameter(description = "The cases' adviser (the case's adviser field)") @QueryParam("adviser") @Size(max = 100) String adviser,
            @Parameter(description = "The day the list is for (Danish), default today") @QueryParam("on") LocalDate on,
            @Valid @BeanParam PageRequest page, @HeaderParam("Accept") String accept) {
        WaitingApi.FirstMeetingList list = lists.firstMeeting(filter(department, adviser, on), page);
        if (!CsvWriter.asked(accept)) {
            return Response.ok(list, MediaType.APPLICATION_JSON).build();
        }
        List<List<?>> rows = list.items().stream().<List<?>>map(w -> cells(w.caseId(), w.department(), w.status(),
                w.adviser(), w.receivedOn(), w.workingDaysWaited(), w.daysWaited(), w.standardDue(), w.exceeded())).toList();
        return csv(CsvWriter.write(FIRST_MEETING_COLUMNS, rows), "venter-foerstegangssamtale-" + list.on() + ".csv", list.total());
    }

    @GET
    @Path("/grants")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listGrantWaits", summary = "Omsætningslisten: the grants whose service has not started, longest waiting first (JSON or CSV)",
            description = "A grant waits from the day it came into force (ECONOMY's approval where it was needed, else the grant itself) "
                    + "until its start is recorded (POST /cases/{id}/grants/{grantId}/start); a grant awaiting approval or rejected is not "
                    + "on the list. Each with the days since the grant, the provider and the expected start (the grant's first day). "
                    + "The figures (total, longest wait) are over the whole list. Over the cases in the caller's scope; written to the "
                    + "access log as a search. CSV (Accept: text/csv) is the same page, its total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "One page of the list, with its figures",
            headers = @Header(name = "X-Total-Count", description = "CSV only: the grants waiting over all pages", schema = @Schema(type = SchemaType.INTEGER)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitingApi.GrantList.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Response grants(@Parameter(description = "The cases' department") @QueryParam("department") Department department,
            @Parameter(description = "The cases' adviser (the case's adviser field)") @QueryParam("adviser") @Size(max = 100) String adviser,
            @Parameter(description = "The day the list is for (Danish), default today") @QueryParam("on") LocalDate on,
            @Valid @BeanParam PageRequest page, @HeaderParam("Accept") String accept) {
        WaitingApi.GrantList list = lists.grants(filter(department, adviser, on), page);
        if (!CsvWriter.asked(accept)) {
            return Response.ok(list, MediaType.APPLICATION_JSON).build();
        }
        List<List<?>> rows = list.items().stream().<List<?>>map(w -> cells(w.grantId(), w.caseId(), w.department(),
                w.adviser(), w.serviceType(), w.provider(), w.providerName(), w.grantedOn(), w.daysSinceGrant(), w.expectedStart(),
                w.daysPastExpectedStart())).toList();
        return csv(CsvWriter.write(GRANT_COLUMNS, rows), "omsaetningsliste-" + list.on() + ".csv", list.total());
    }

    /** A CSV line's cells as text (dates ISO, enums by name); an empty value stays empty. */
    private static List<String> cells(Object... values) {
        return java.util.Arrays.stream(values).map(v -> v == null ? "" : v.toString()).toList();
    }

    private static WaitingLists.Filter filter(Department department, String adviser, LocalDate on) {
        return new WaitingLists.Filter(department, adviser == null || adviser.isBlank() ? null : adviser.strip(),
                on == null ? LocalDate.now(Times.DENMARK) : on);
    }

    private static Response csv(String body, String filename, long total) {
        return CsvWriter.download(body, filename).header("X-Total-Count", total).build();
    }
}
