package dk.visitation.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * Evaluates a deployed DMN decision. Send facts only, never an id: the engine keeps what it evaluates,
 * and facts without a case id cannot be linked to a child.
 */
@ApplicationScoped
public class Decisions {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final CamundaClient client;
    private final ObjectMapper json;

    Decisions(CamundaClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** The outputs of the decision (for a FIRST hit policy with several outputs: one map) and its version. */
    public record Result(Map<String, Object> output, int version) {
    }

    public Result evaluate(String decisionId, Map<String, Object> facts) {
        EvaluateDecisionResponse response;
        try {
            response = client.newEvaluateDecisionCommand()
                    .decisionId(decisionId)
                    .variables(facts)
                    .requestTimeout(Duration.ofSeconds(10))
                    .send().join();
        } catch (ClientException unreachable) {
            // an engine outage or restart lasts seconds: the caller may simply try again; its transaction rolls back
            throw new ProblemException(ProblemType.UNAVAILABLE,
                    "The rules engine cannot be reached just now; nothing was saved. Try again in a moment.");
        }
        if (response.getFailureMessage() != null && !response.getFailureMessage().isBlank()) {
            throw new IllegalStateException("Decision " + decisionId + " failed: " + response.getFailureMessage());
        }
        try {
            return new Result(json.readValue(response.getDecisionOutput(), MAP), response.getDecisionVersion());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
