package dk.visitation.goals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The goals' request and response bodies. */
public final class GoalApi {

    private GoalApi() {
    }

    @Schema(name = "GoalsEntry", description = "The goals as they are to be from now: the whole list, in order")
    public record Entry(
            @NotEmpty @Size(max = 20) @Schema(examples = "[\"Barnet kommer i skole mindst fire dage om ugen\"]")
            List<@NotBlank @Size(max = 500) String> goals,
            @Size(max = 1000) @Schema(nullable = true, description = "Why they were revised", examples = "Revideret ved opfølgningen")
            String reason,
            @Schema(nullable = true, description = "The follow-up (a FOLLOW_UP casework record naming the grant) they were revised at")
            UUID followUpId) {
    }

    @Schema(name = "GoalRevision")
    public record RevisionView(int revision, List<String> goals, @Schema(nullable = true) String reason,
            @Schema(nullable = true) UUID followUpId, String revisedBy, OffsetDateTime revisedAt) {
    }

    @Schema(name = "GrantGoals", description = "A grant's goals now and every earlier revision, newest first")
    public record GoalsView(UUID caseId, UUID grantId, @Schema(nullable = true, description = "Empty before any goals are set")
            RevisionView current, List<RevisionView> revisions,
            @Schema(description = "The current revision (0 before any); the ETag carries the same value") int version) {
    }
}
