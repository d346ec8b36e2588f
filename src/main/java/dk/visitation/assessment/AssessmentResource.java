package dk.visitation.assessment;

import dk.visitation.common.Paths;
import dk.visitation.common.ETags;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** MYN records the facts of the target-group assessment and sees what the agreed rules recommend. */
@Path(Paths.CASE + "/assessment")
@Tag(name = "Assessment", description = "Target-group assessment (målgruppevurdering) and quick screening")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final AssessmentService assessments;

    AssessmentResource(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.LEADER})
    @Operation(operationId = "recordAssessment", summary = "Record the facts of the target-group assessment and get the recommendation",
            description = "Evaluates the agreement between MYN and CBA (target-group.dmn). May be repeated until the assessment "
                    + "task is completed; the last facts count. Conclude with the task 'Målgruppevurdering'.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentApi.Facts.class),
            examples = @ExampleObject(name = "obviousCba", summary = "Known from BUP with a considerable and lasting impairment", value = """
                    {"impairment": "CONSIDERABLE_AND_LASTING", "disabilityIsMainProblem": true,
                     "otherSocialProblemsWeighHeavier": false, "disabilitySpecificOffersRequested": true,
                     "knownDiagnosisFromBupOrHospital": true, "placementOfChildOfMentallyIllParents": false,
                     "childOfPregnantWomanWithConcern": false, "siblingNeedOnlyFromDisabledSibling": false,
                     "childOfSeverelyIntellectuallyDisabledParents": false,
                     "notes": "Autisme, kendt fra BUP; forældrene ønsker aflastning."}""")))
    @APIResponse(responseCode = "200", description = "The assessment with its recommendation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentApi.View.class)))
    @APIResponse(responseCode = "400", description = "A fact is missing or not valid")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    @APIResponse(responseCode = "409", description = "The case is not waiting for its assessment")
    @APIResponse(responseCode = "503", description = "The rules engine cannot be reached for a moment (nothing saved; try again)")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull AssessmentApi.Facts request) {
        Assessment assessment = assessments.record(id, request);
        return Response.ok(AssessmentApi.View.of(assessment)).tag(ETags.of(assessment.version)).build();
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.COMMITTEE_MEMBER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getAssessment", summary = "The case's latest target-group assessment")
    @APIResponse(responseCode = "200", description = "The assessment", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentApi.View.class)))
    @APIResponse(responseCode = "404", description = "No such case in scope, or not assessed yet")
    public Response get(@PathParam("id") UUID id) {
        Assessment assessment = assessments.current(id);
        return Response.ok(AssessmentApi.View.of(assessment)).tag(ETags.of(assessment.version)).build();
    }
}
