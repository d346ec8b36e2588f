package dk.visitation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every answer a REST test receives, checked against the committed contract (openapi/openapi.yaml): the
 * status must be documented for the operation, the media type too, and a JSON body must match its schema
 * (strictly: no undocumented properties). An answer to a request that matches no operation (an unknown
 * route, a wrong method) must be a problem. Installed for every {@code @QuarkusTest} by
 * {@link ContractValidationInstaller}; a broken answer fails the test that got it with an AssertionError.
 *
 * <p>Not checked: {@code /q/...} (health, metrics, the OpenAPI document and Swagger UI, which are not part
 * of the contract) and {@code OPTIONS} (CORS preflight, answered by the HTTP layer).
 */
public final class ContractValidation implements OrderedFilter {

    public static final ContractValidation INSTANCE = new ContractValidation();
    /** Each broken answer is also written here, so one run of the suite lists them all. */
    private static final Path REPORT = Path.of("target/contract-violations.txt");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ThreadLocal<Boolean> OFF_ROUTE = ThreadLocal.withInitial(() -> false);

    private final ContractSchema contract = ContractSchema.committed();
    private final List<Route> routes = new ArrayList<>();

    private record Route(String template, Pattern pattern, int variables, JsonNode item) {
    }

    private ContractValidation() {
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.document().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey();
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            int variables = template.split("\\{", -1).length - 1;
            routes.add(new Route(template, Pattern.compile(regex), variables, path.getValue()));
        }
        routes.sort(Comparator.comparingInt(Route::variables));
    }

    /**
     * For a request that deliberately addresses no operation (the fuzzer's odd method or path, which the
     * HTTP client may normalise into a documented one, e.g. a trailing slash dropped): its answer is judged
     * as an unknown route's, a problem.
     */
    public static <T> T offRoute(java.util.function.Supplier<T> call) {
        OFF_ROUTE.set(true);
        try {
            return call.get();
        } finally {
            OFF_ROUTE.set(false);
        }
    }

    /** Installs the check for every request REST Assured sends from now on (idempotent). */
    public static void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE; // closest to the wire: sees the answer as sent
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String method = request.getMethod().toLowerCase(Locale.ROOT);
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/q/") || path.equals("/q") || method.equals("options")) {
            return response;
        }
        List<String> broken = judge(method, path, response);
        if (!broken.isEmpty()) {
            String report = request.getMethod() + " " + path + " → " + response.statusCode() + " "
                    + response.contentType() + "\n  " + String.join("\n  ", broken) + "\n  body: "
                    + shortened(CprScanner.masked(response.asString()), 800);
            write(report);
            if (!Boolean.getBoolean("contract.lenient")) {
                throw new AssertionError("The answer is off the contract (openapi/openapi.yaml):\n" + report);
            }
        }
        return response;
    }

    /** What is wrong with the answer, for the operation the request addressed; empty when it is as documented. */
    public List<String> judge(String method, String path, Response response) {
        List<String> broken = new ArrayList<>();
        int status = response.statusCode();
        String contentType = response.contentType() == null ? "" : response.contentType();
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        byte[] body = method.equals("head") ? new byte[0] : response.asByteArray();
        JsonNode operation = OFF_ROUTE.get() ? null : operation(method, path);
        if (operation == null) {
            if (status < 400 && OFF_ROUTE.get()) {
                return broken; // the client normalised it into a route; the fuzzer judges those answers itself
            }
            if (status < 400) {
                broken.add("answered " + status + " to a request that matches no documented operation");
            } else {
                checkBody(mediaType, body, "#/components/schemas/Problem", problemMedia(), broken, status);
            }
            return broken;
        }
        JsonNode responses = operation.path("responses");
        JsonNode documented = responses.path(Integer.toString(status));
        if (documented.isMissingNode()) {
            documented = responses.path("default");
        }
        if (documented.isMissingNode()) {
            broken.add("status " + status + " is not documented for " + operation.path("operationId").asText()
                    + " (documented: " + names(responses) + ")");
            return broken;
        }
        JsonNode content = documented.path("content");
        if (body.length == 0) {
            if (!content.isMissingNode() && !content.isEmpty() && status != 304 && !method.equals("head")) {
                broken.add("an empty body, where " + names(content) + " is documented");
            }
            return broken;
        }
        if (content.isMissingNode() || content.isEmpty()) {
            broken.add("a body (" + contentType + ") where the operation documents none for " + status);
            return broken;
        }
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            media = content.path("*/*");
        }
        if (media.isMissingNode()) {
            broken.add("media type '" + contentType + "' is not documented for " + status + " (documented: "
                    + names(content) + ")");
            return broken;
        }
        checkBody(mediaType, body, null, media, broken, status);
        return broken;
    }

    private JsonNode problemMedia() {
        return JSON.createObjectNode().set("schema", JSON.createObjectNode().put("$ref", "#/components/schemas/Problem"));
    }

    private void checkBody(String mediaType, byte[] body, String expectedRef, JsonNode media, List<String> broken, int status) {
        if (expectedRef != null && !mediaType.equals("application/problem+json")) {
            broken.add("a " + status + " that is not application/problem+json but '" + mediaType + "'");
            return;
        }
        if (!(mediaType.equals("application/json") || mediaType.endsWith("+json")) || !media.has("schema")) {
            return;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            broken.add("the body is not JSON: " + e.getMessage());
            return;
        }
        contract.check(value, media.get("schema"), true).forEach(problem -> broken.add("body " + problem));
    }

    private JsonNode operation(String method, String path) {
        for (Route route : routes) { // the most specific path first: /cases/search before /cases/{id}
            if (route.pattern().matcher(path).matches()) {
                if (route.item().has(method)) {
                    return route.item().get(method);
                }
                return method.equals("head") && route.item().has("get") ? route.item().get("get") : null;
            }
        }
        return null;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " chars)";
    }

    private static synchronized void write(String report) {
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
