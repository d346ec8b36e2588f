package dk.visitation.cases;

import dk.visitation.common.Department;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of {@code GET /cases}; all optional, combined with AND. */
public class CaseFilter {

    @QueryParam("department")
    @Parameter(description = "Current department")
    public Department department;

    @QueryParam("status")
    @Parameter(description = "Current status")
    public CaseStatus status;

    @QueryParam("receivedFrom")
    @Parameter(description = "Received at or after (ISO-8601 date-time)", example = "2026-01-01T00:00:00+01:00")
    public OffsetDateTime receivedFrom;

    @QueryParam("receivedTo")
    @Parameter(description = "Received before (ISO-8601 date-time)", example = "2026-07-01T00:00:00+02:00")
    public OffsetDateTime receivedTo;

    @QueryParam("adviser")
    @Parameter(description = "The adviser handling the case")
    public String adviser;

    @QueryParam("dubuCaseId")
    @Parameter(description = "The case's id in DUBU (exact); how another system finds a case without a CPR number in the URL",
            example = "DUBU-2026-004711")
    public String dubuCaseId;
}
