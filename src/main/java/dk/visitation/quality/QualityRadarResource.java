package dk.visitation.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dk.visitation.common.Department;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The quality radar: the review's gaps counted over the caller's cases, and the cases behind each figure. */
@Path("/quality/radar")
@Tag(name = "Quality", description = "The quality radar (the 100-case review's gaps) and the leaders' supervision")
public class QualityRadarResource {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema FIGURES = CSV.schemaFor(RadarApi.Figure.class).withHeader().withColumnSeparator(';')
            .sortedBy("gap", "title", "legalBasis", "relevant", "present", "missing", "percentMissing");

    private final QualityRadar radar;

    QualityRadarResource(QualityRadar radar) {
        this.radar = radar;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getQualityRadar", summary = "Per gap: relevant, present, missing and the share missing, as the review reports them (JSON or CSV)",
            description = "Derived from the casework record and the measures as they stood at the end of the day 'on' (default today), over "
                    + "the cases in the caller's scope. The cases behind each figure: GET /quality/radar/cases.")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RadarApi.Radar.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Response get(@Parameter(description = "The cases' department") @QueryParam("department") Department department,
            @Parameter(description = "The cases' adviser (user name)") @QueryParam("adviser") @Size(max = 100) String adviser,
            @Parameter(description = "The day (Danish), default today") @QueryParam("on") LocalDate on,
            @HeaderParam("Accept") String accept) {
        RadarApi.Radar figures = radar.radar(department, blankToNull(adviser), day(on));
        if (dk.visitation.common.CsvWriter.asked(accept)) {
            try {
                return dk.visitation.common.CsvWriter.download(CSV.writer(FIGURES).writeValueAsString(figures.figures()),
                        "kvalitetsradar-" + figures.on() + ".csv").build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Response.ok(figures, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/cases")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listQualityRadarCases", summary = "The cases behind one figure of the radar, by case id, with why the gap is relevant",
            description = "Written to the access log as a search with its criteria.")
    @APIResponse(responseCode = "200", description = "One page of cases", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RadarApi.CasePage.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid gap, filter or paging")
    public RadarApi.CasePage cases(@Parameter(description = "The cases' department") @QueryParam("department") Department department,
            @Parameter(description = "The cases' adviser (user name)") @QueryParam("adviser") @Size(max = 100) String adviser,
            @Parameter(description = "The day (Danish), default today") @QueryParam("on") LocalDate on,
            @Parameter(description = "The gap", required = true) @QueryParam("gap") Gap gap,
            @Parameter(description = "The cases where the gap is relevant, present or missing (default MISSING)") @QueryParam("which") RadarApi.Which which,
            @Valid @BeanParam PageRequest page) {
        if (gap == null) {
            throw ProblemException.invalid("gap", "is required");
        }
        return radar.cases(department, blankToNull(adviser), day(on), gap, which == null ? RadarApi.Which.MISSING : which, page);
    }

    private static LocalDate day(LocalDate on) {
        return on == null ? LocalDate.now(Times.DENMARK) : on;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
