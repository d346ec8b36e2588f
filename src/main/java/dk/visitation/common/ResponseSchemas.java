package dk.visitation.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The API's rule for answers, made true in the contract: <b>every property of an answer is always
 * present</b>; one that has no value is {@code null}, and then its schema says so ({@code type: [..., "null"]},
 * from {@code @Schema(nullable = true)} on the field). So every object schema reached from a response lists
 * all its properties as {@code required}, unless it names its required ones itself (a problem leaves out
 * empty members). Schemas reached only from request bodies keep what their validation says (@NotNull).
 * The REST tests check every answer against this ({@code ContractValidation}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ResponseSchemas implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        List<Schema> fromResponses = new ArrayList<>();
        List<Schema> fromRequests = new ArrayList<>();
        // Every operation answers problems, most of them given their schema only later by ProblemResponsesFilter
        // (an mp.openapi.filter, run after this one): the problem is an answer from the start.
        fromResponses.add(ProblemResponsesFilter.problemSchema());
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    collect(operation.getRequestBody().getContent(), fromRequests);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        collect(response.getContent(), fromResponses);
                    }
                }
            }
        }
        Set<String> requests = reachable(fromRequests, components);
        for (String name : reachable(fromResponses, components)) {
            Schema schema = components.get(name);
            if (requests.contains(name) || schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            if (schema.getRequired() == null || schema.getRequired().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static void collect(Content content, List<Schema> into) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            if (media.getSchema() != null) {
                into.add(media.getSchema());
            }
        }
    }

    /** The names of the component schemas the given schemas lead to, through refs, properties and items. */
    private static Set<String> reachable(Collection<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(PREFIX)) {
                String name = ref.substring(PREFIX.length());
                if (names.add(name) && components.containsKey(name)) {
                    todo.push(components.get(name));
                }
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                todo.push(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (group != null) {
                    todo.addAll(group);
                }
            }
        }
        return names;
    }
}
