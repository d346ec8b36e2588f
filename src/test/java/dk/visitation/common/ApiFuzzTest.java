package dk.visitation.common;

import static dk.visitation.support.SchemaSamples.pick;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.security.Role;
import dk.visitation.support.Api;
import dk.visitation.support.ContractSchema;
import dk.visitation.support.ContractValidation;
import dk.visitation.support.CprScanner;
import dk.visitation.support.SchemaSamples;
import dk.visitation.support.Tasks;
import dk.visitation.support.Tokens;
import dk.visitation.support.Visitation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * API fuzzing (issue 7, item 6): requests generated from the committed OpenAPI document against the
 * running service, its real database and engine. Every operation, as every role (and none), with path
 * ids that exist, random ones and malformed ones; query values valid, out of range and of the wrong type;
 * bodies valid (from the schemas and their examples) and broken (wrong types, missing or unknown fields,
 * too long, malformed JSON, the wrong media type, too large); odd If-Match, Accept and Idempotency-Key.
 *
 * <p>Properties of every answer: never a 5xx; an error is application/problem+json with a
 * {@code urn:visitation:problem:} type, a title and the HTTP status; a 2xx is documented for the operation
 * and its JSON body matches the documented schema (see {@link ContractSchema}); a role the operation does
 * not list, or no token, never gets a 2xx.
 *
 * <p>Budget: {@code -Dfuzz.cases} (default 500) within {@code -Dfuzz.seconds} (default 30). The seed is
 * random per run and printed; {@code -Dfuzz.seed=S} replays a run, {@code -Dfuzz.case=N} only its case N.
 * Runs after the other REST test classes (it changes what it finds) and before the log hygiene check.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
class ApiFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("urn:visitation:problem:[a-z][a-z-]*");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final int MAX_FINDINGS = 25;

    private final ContractSchema contract = ContractSchema.committed();
    private final Map<String, List<String>> ids = new ConcurrentHashMap<>();
    private final SchemaSamples samples = new SchemaSamples(contract, this::idsForName);
    private final List<String> findings = new CopyOnWriteArrayList<>();
    private final Map<String, Map<Integer, Integer>> seen = new TreeMap<>();
    private final List<String> usedIdempotencyKeys = new ArrayList<>();

    record Operation(String method, String template, String id, JsonNode spec, List<String> roles) {
    }

    record Call(Operation operation, String method, String url, Map<String, String> headers, String contentType,
            byte[] body, String caller, boolean callerAllowed, String bodyHow, boolean oddRoute) {
    }

    @Test
    void generated_requests_never_get_a_5xx_and_every_answer_keeps_the_contract() {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        int cases = Integer.getInteger("fuzz.cases", 500);
        int only = Integer.getInteger("fuzz.case", -1);
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", 30));
        System.out.printf("ApiFuzzTest: seed %d (replay with -Dfuzz.seed=%d), %d cases within %s%n", seed, seed, cases, budget);

        List<Operation> operations = operations();
        assertTrue(operations.size() > 30, "found only " + operations.size() + " operations in the contract");
        seed();

        long deadline = System.nanoTime() + budget.toNanos();
        int ran = 0;
        Set<String> covered = new TreeSet<>();
        for (int i = 0; i < cases && System.nanoTime() < deadline && findings.size() < MAX_FINDINGS; i++) {
            if (only >= 0 && i != only) {
                continue;
            }
            Random random = new Random(seed * 1_000_003L + i); // each case its own stream: -Dfuzz.case replays one
            Call call = call(pick(operations, random), random);
            if (call == null) {
                continue;
            }
            ran++;
            covered.add(call.operation().id());
            Response response;
            try {
                response = send(call);
            } catch (AssertionError e) { // the contract check every REST test runs (ContractValidation)
                findings.add(report(seed, i, call, e.getMessage().lines().skip(1).limit(3).reduce("", (a, b) -> a + " " + b.trim()), null));
                continue;
            } catch (RuntimeException e) {
                findings.add(report(seed, i, call, "the request failed: " + e, null));
                continue;
            }
            List<String> broken = judge(call, response);
            synchronized (seen) {
                seen.computeIfAbsent(call.operation().id(), k -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
            }
            if (!broken.isEmpty()) {
                findings.add(report(seed, i, call, String.join("; ", broken), response));
            } else {
                harvest(call, response);
            }
        }
        System.out.printf("ApiFuzzTest: seed %d, %d requests over %d of %d operations; answers per operation: %s%n",
                seed, ran, covered.size(), operations.size(), seen);
        if (!findings.isEmpty()) {
            fail(findings.size() + " request(s) broke the contract (seed " + seed + ", replay with -Dfuzz.seed=" + seed
                    + "):\n" + String.join("\n", findings));
        }
        if (only < 0) {
            assertTrue(ran >= Math.min(cases, 100), "only " + ran + " requests in the time budget; the service is too slow");
        }
    }

    // ---- the contract ------------------------------------------------------------------------

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        contract.document().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            // A stream (text/event-stream) stays open for its seconds and has no body to judge: CaseTaskStreamTest covers it.
            boolean stream = op.getValue().path("responses").path("200").path("content").has("text/event-stream");
            if (METHODS.contains(op.getKey()) && !path.getKey().startsWith("/q/") && !stream) {
                List<String> roles = new ArrayList<>();
                op.getValue().path("security").forEach(requirement -> requirement.fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue().path("operationId").asText(),
                        op.getValue(), roles));
            }
        }));
        return operations;
    }

    private JsonNode parameterSchema(JsonNode parameter) {
        JsonNode resolved = parameter.has("$ref") ? contract.target(parameter.get("$ref").asText()) : parameter;
        return resolved.path("schema");
    }

    // ---- the seeded data: a few things that exist, so ids reach past the 404 ------------------

    private void seed() {
        UUID caseInMyn = Api.registerCase(Api.freshCpr());
        add("case", caseInMyn.toString());
        add("task", Tasks.awaitOpen(caseInMyn, "assess-target-group"));
        UUID onAgenda = Visitation.onAgenda();
        add("case", onAgenda.toString());
        String meeting = Visitation.meetingOf(onAgenda);
        add("meeting", meeting);
        add("agendaItem", Visitation.item(meeting, onAgenda)[0]);
        String item = Api.given().contentType(ContentType.JSON).body(Map.of("kind", "APPLICATION", "description", "Ansøgning"))
                .post("/cases/" + caseInMyn + "/work-items").then().statusCode(201).extract().path("id");
        add("workItem", item);
        Api.given().contentType(ContentType.JSON).body(Map.of("serviceType", "RESPITE_CARE", "provider", "INTERNAL",
                "providerName", "Mellerup", "priceOre", 245050, "tariffPeriod", "DAY", "scope", 1, "from", "2027-01-01",
                "to", "2027-02-01")).post("/cases/" + caseInMyn + "/grants").then().statusCode(201);
        String economy = Tokens.of("fuzz.economy", Set.of(Role.ECONOMY), Set.of("MYN", "CBA"));
        Api.as(economy).contentType(ContentType.JSON).body(Map.of("department", "CBA", "periodFrom", "2026-01-01"))
                .post("/settlements");
        List<String> settlements = Api.as(economy).get("/settlements").then().statusCode(200).extract().path("items.id");
        settlements.forEach(id -> add("settlement", id));
        List<String> meetings = Api.as(Tasks.leader()).queryParam("size", 200).get("/committee/meetings").then()
                .statusCode(200).extract().path("items.id");
        meetings.stream().limit(5).forEach(id -> add("meeting", id));
        List<String> tasks = Api.as(Tasks.leader()).queryParam("size", 50).get("/tasks").then().statusCode(200).extract().path("items.id");
        tasks.forEach(id -> add("task", id));
    }

    private void add(String kind, String id) {
        List<String> pool = ids.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>());
        if (id != null && !pool.contains(id) && pool.size() < 50) {
            pool.add(id);
        }
    }

    private List<String> pool(String kind) {
        return ids.getOrDefault(kind, List.of());
    }

    /** Ids that exist for a property or parameter of this name, for the sample builder. */
    private List<String> idsForName(String name) {
        if (name == null) {
            return List.of();
        }
        return switch (name) {
            case "caseId" -> pool("case");
            case "meetingId" -> pool("meeting");
            case "subjectId", "referenceId" -> pool("settlement");
            default -> List.of();
        };
    }

    private String kindOf(String template, String param) {
        if (param.equals("itemId")) {
            return template.contains("/work-items/") ? "workItem" : "agendaItem";
        }
        if (template.startsWith("/cases/")) {
            return "case";
        }
        if (template.startsWith("/committee/meetings/")) {
            return "meeting";
        }
        if (template.startsWith("/tasks/")) {
            return "task";
        }
        return template.startsWith("/settlements/") ? "settlement" : "";
    }

    /** Ids the service handed out become ids later requests use. */
    private void harvest(Call call, Response response) {
        if (response.statusCode() != 201 || !String.valueOf(response.contentType()).startsWith("application/json")) {
            return;
        }
        String id = response.jsonPath().getString("id");
        switch (call.operation().id()) {
            case "registerCase" -> add("case", id);
            case "openWorkItem" -> add("workItem", id);
            case "scheduleMeeting" -> add("meeting", id);
            case "addToAgenda" -> add("agendaItem", id);
            default -> {
            }
        }
    }

    // ---- generating one request ------------------------------------------------------------

    private Call call(Operation operation, Random random) {
        String method = operation.method();
        String template = operation.template();
        int odd = random.nextInt(40);
        if (odd == 0) {
            method = pick(List.of("PUT", "DELETE", "PATCH", "OPTIONS", "POST", "GET"), random);
        } else if (odd == 1) {
            template = template + "/" + pick(List.of("nope", "..", "%2e%2e", "x/y", ""), random);
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        Matcher params = PATH_PARAM.matcher(template);
        StringBuilder url = new StringBuilder();
        while (params.find()) {
            String value = pathValue(kindOf(operation.template(), params.group(1)), random);
            pathValues.put(params.group(1), value);
            params.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        params.appendTail(url);
        url.append(query(operation, random));

        String[] caller = new String[1];
        String token = caller(operation, random, caller);
        boolean allowed = operation.roles().isEmpty()
                || (token != null && operation.roles().stream().anyMatch(r -> caller[0].startsWith(r + " ")));
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        } else if (random.nextBoolean()) {
            headers.put("Authorization", pick(List.of("Bearer garbage", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer a.b.c"), random));
        }
        headers(operation, pathValues, random, headers);

        String contentType = null;
        byte[] body = null;
        String[] how = {"no body"};
        JsonNode requestBody = operation.spec().path("requestBody").path("content");
        if (!requestBody.isMissingNode() && requestBody.size() > 0) {
            Map.Entry<String, JsonNode> media = requestBody.fields().next();
            contentType = media.getKey();
            body = body(media.getValue(), random, how);
            if (how[0].startsWith("media type ")) {
                contentType = how[0].substring("media type ".length()).split(" with ")[0];
                contentType = contentType.equals("(none)") ? null : contentType;
            }
        } else if (random.nextInt(20) == 0) {
            contentType = "application/json";
            body = "{\"unexpected\": true}".getBytes(StandardCharsets.UTF_8);
            how[0] = "a body the operation does not take";
        }
        String target = url.toString();
        if (!CprScanner.cprNumbersIn(target).isEmpty()) {
            return null; // the access log records URLs: nothing that looks like a CPR number goes into one
        }
        return new Call(operation, method, target, headers, contentType, body, caller[0], allowed, how[0],
                !method.equals(operation.method()) || !template.equals(operation.template()));
    }

    private String pathValue(String kind, Random random) {
        int roll = random.nextInt(100);
        List<String> existing = pool(kind);
        if (roll < 60 && !existing.isEmpty()) {
            String id = pick(existing, random);
            return roll < 5 ? id.toUpperCase() : id;
        }
        if (roll < 85) {
            return SchemaSamples.uuid(random).toString();
        }
        return pick(List.of("abc", "1", "-1", "00000000-0000-0000-0000-000000000000", UUID.randomUUID() + "x",
                "6f1c2c1e-6b1a-4c1b-9e1a", "%20", "null", "x".repeat(300), "%00", "%27%3B%20drop%20table%20cases%3B--",
                "%7Bid%7D", "%C3%A6%C3%B8%C3%A5", "0x1F", "9999999999999999999999"), random);
    }

    private String query(Operation operation, Random random) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            boolean required = parameter.path("required").asBoolean(false);
            int roll = random.nextInt(100);
            if (!required && roll < 45) {
                continue;
            }
            JsonNode schema = contract.flattened(parameterSchema(parameter));
            String value;
            if (roll < 75) {
                JsonNode valid = samples.valid(schema, name, random);
                value = valid.isTextual() ? valid.asText() : valid.toString();
            } else if (roll < 88) {
                value = outOfRange(schema, random);
            } else {
                value = pick(List.of("abc", "", "1.5", "-", "true", "2026-13-45", "[]", "%", "NaN", "1e3",
                        "99999999999999999999", "  7", "MARS"), random);
            }
            pairs.add(encode(name) + "=" + encode(value));
            if (random.nextInt(25) == 0) {
                pairs.add(encode(name) + "=" + encode(value)); // the same parameter twice
            }
        }
        if (random.nextInt(20) == 0) {
            pairs.add("unknownParam=" + encode(SchemaSamples.text(random)));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String outOfRange(JsonNode schema, Random random) {
        if (schema.has("maximum") && random.nextBoolean()) {
            return Long.toString(schema.get("maximum").asLong() + 1 + random.nextInt(1000));
        }
        if (schema.has("minimum")) {
            return Long.toString(schema.get("minimum").asLong() - 1 - random.nextInt(1000));
        }
        return switch (schema.path("type").asText()) {
            case "integer" -> pick(List.of("2147483648", "-2147483649", "9223372036854775808", "0", "-1", "100000"), random);
            default -> switch (schema.path("format").asText()) {
                case "date" -> pick(List.of("2026-02-30", "0000-01-01", "+999999999-12-31", "2026-1-1", "20260101"), random);
                case "date-time" -> pick(List.of("2026-02-30T00:00:00Z", "2026-01-01T25:00:00+01:00", "2026-01-01",
                        "-999999999-01-01T00:00:00Z", "2026-01-01T00:00:00+19:00"), random);
                case "uuid" -> pick(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "1-1-1-1-1"), random);
                default -> schema.has("enum") ? "NOT_A_" + schema.path("enum").path(0).asText() : "x".repeat(2000);
            };
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String caller(Operation operation, Random random, String[] description) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            description[0] = "no token";
            return null;
        }
        String role = roll < 70 && !operation.roles().isEmpty() ? pick(operation.roles(), random) : pick(Role.ALL, random);
        List<String> departments = pick(List.of(List.of("MYN"), List.of("CBA"), List.of("MYN", "CBA"), List.<String>of()), random);
        description[0] = role + " in " + departments;
        return Tokens.of("fuzz." + role.toLowerCase().replace('_', '-'), Set.of(role), Set.copyOf(departments));
    }

    private void headers(Operation operation, Map<String, String> pathValues, Random random, Map<String, String> headers) {
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if (!parameter.path("in").asText().equals("header")) {
                continue;
            }
            String name = parameter.path("name").asText();
            int roll = random.nextInt(100);
            if (roll < 20) {
                continue;
            }
            switch (name) {
                case "If-Match", "If-None-Match" -> headers.put(name, roll < 60 ? currentEtag(operation, pathValues)
                        : pick(List.of("\"0\"", "\"999999\"", "abc", "W/\"1\"", "*", "", "\"", "\"-1\"", "\"1.5\"",
                        "\"99999999999999999999\"", "\"1\", \"2\"", "x".repeat(2000)), random));
                case "Idempotency-Key" -> {
                    String key;
                    if (roll < 50) {
                        key = SchemaSamples.uuid(random).toString();
                    } else if (roll < 70 && !usedIdempotencyKeys.isEmpty()) {
                        key = pick(usedIdempotencyKeys, random);
                    } else {
                        key = pick(List.of("", " ", "k".repeat(300), "a b c", "encoded%C3%A6", "\"quoted\""), random);
                    }
                    synchronized (usedIdempotencyKeys) {
                        if (usedIdempotencyKeys.size() < 20) {
                            usedIdempotencyKeys.add(key);
                        }
                    }
                    headers.put(name, key);
                }
                case "Change-Reason" -> headers.put(name, pick(List.of("Ny%20r%C3%A5dgiver", "%ZZ", "%", "plain reason",
                        "r".repeat(5000), "%C3%28", ""), random));
                default -> headers.put(name, SchemaSamples.text(random).replaceAll("[^\\x20-\\x7e]", "?"));
            }
        }
        int accept = random.nextInt(100);
        if (accept < 25) {
            headers.put("Accept", pick(List.of("*/*", "application/json", "text/csv", "application/xml", "text/html",
                    "garbage", "application/json;q=0", "application/problem+json", "text/*;q=0.1, application/json",
                    "image/png", "application/json; charset=utf-16", ""), random));
        }
    }

    /** The current ETag of what an If-Match / If-None-Match operation addresses, or a stale one when it is not found. */
    private String currentEtag(Operation operation, Map<String, String> pathValues) {
        try {
            String leader = Tasks.leader();
            if (operation.template().startsWith("/cases/{id}")) {
                String etag = Api.as(leader).get("/cases/" + pathValues.get("id")).header("ETag");
                return etag == null ? "\"1\"" : etag;
            }
            if (operation.template().startsWith("/settlements/{id}")) {
                String etag = Api.as(Tokens.of("fuzz.economy", Set.of(Role.ECONOMY), Set.of("MYN", "CBA")))
                        .get("/settlements/" + pathValues.get("id")).header("ETag");
                return etag == null ? "\"1\"" : etag;
            }
            if (operation.template().contains("/agenda/{itemId}")) {
                List<Map<String, Object>> agenda = Api.as(leader).get("/committee/meetings/" + pathValues.get("id"))
                        .then().extract().path("agenda");
                if (agenda != null) {
                    for (Map<String, Object> item : agenda) {
                        if (pathValues.get("itemId").equals(item.get("id"))) {
                            return "\"" + item.get("version") + "\"";
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // an id the service refuses to look up has no current version
        }
        return "\"1\"";
    }

    private byte[] body(JsonNode media, Random random, String[] how) {
        JsonNode schema = media.path("schema");
        JsonNode valid = null;
        JsonNode examples = media.path("examples");
        if (examples.size() > 0 && random.nextInt(4) == 0) {
            List<JsonNode> values = new ArrayList<>();
            examples.forEach(e -> values.add(e.path("value")));
            valid = pick(values, random).deepCopy();
            if (valid.path("child").has("cpr")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) valid.get("child")).put("cpr", Api.freshCpr());
            }
            how[0] = "the documented example";
        }
        if (valid == null) {
            valid = samples.valid(schema, null, random);
            how[0] = "valid from the schema";
        }
        int roll = random.nextInt(100);
        if (roll < 45) {
            return SchemaSamples.json(valid).getBytes(StandardCharsets.UTF_8);
        }
        if (roll < 80) {
            JsonNode broken = samples.broken(schema, valid, random, how);
            return SchemaSamples.json(broken).getBytes(StandardCharsets.UTF_8);
        }
        String text = SchemaSamples.json(valid);
        switch (random.nextInt(9)) {
            case 0 -> {
                how[0] = "truncated JSON";
                return text.substring(0, random.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                how[0] = "not JSON at all";
                return pick(List.of("", "null", "[]", "\"text\"", "12", "{\"a\":}", "{'single': 'quotes'}", "\uFEFF" + text,
                        text + "garbage", "{\"a\":1,\"a\":2}"), random).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                how[0] = "deeply nested JSON";
                return ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                how[0] = "media type (none) with a JSON body";
                return text.getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data", "application/octet-stream", "garbage", "application/json; charset=utf-16",
                        "application/merge-patch+json", "application/json"), random);
                how[0] = "media type " + type + " with a JSON body";
                return text.getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                how[0] = "a body over the 256 KB limit";
                return ("{\"x\":\"" + "y".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                how[0] = "invalid UTF-8";
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                byte[] bad = new byte[bytes.length + 2];
                System.arraycopy(bytes, 0, bad, 0, bytes.length);
                bad[bytes.length - 1] = (byte) 0xC3;
                bad[bytes.length] = (byte) 0x28;
                bad[bytes.length + 1] = '}';
                return bad;
            }
            case 7 -> {
                how[0] = "a huge string in a field";
                return text.replaceFirst("\"([^\"]*)\"\\s*}", "\"" + "z".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                how[0] = "no body";
                return null;
            }
        }
    }

    // ---- sending and judging ---------------------------------------------------------------

    private static final RestAssuredConfig RAW = RestAssured.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 20_000)
                    .setParam("http.connection.timeout", 5_000));

    private static Response send(Call call) {
        RequestSpecification request = RestAssured.given().config(RAW).urlEncodingEnabled(false);
        call.headers().forEach(request::header);
        if (call.contentType() != null) {
            request.contentType(call.contentType());
        }
        if (call.body() != null && String.valueOf(call.contentType()).startsWith("application/x-www-form-urlencoded")) {
            request.body(new String(call.body(), StandardCharsets.UTF_8)); // REST Assured form-encodes only text
        } else if (call.body() != null) {
            request.body(call.body());
        }
        if (call.oddRoute()) {
            return ContractValidation.offRoute(() -> request.request(call.method(), call.url()).then().extract().response());
        }
        return request.request(call.method(), call.url()).then().extract().response();
    }

    private List<String> judge(Call call, Response response) {
        List<String> broken = new ArrayList<>();
        int status = response.statusCode();
        String contentType = String.valueOf(response.contentType());
        String mediaType = contentType.split(";")[0].trim();
        if (status >= 500) {
            broken.add("answered " + status);
        }
        // The HTTP codec refuses a request line or headers over its limits before any handler sees the
        // request, with an empty answer: the one error the service cannot word as a problem.
        boolean refusedByCodec = (status == 414 || status == 431) && response.asByteArray().length == 0;
        if (status >= 400 && !refusedByCodec) {
            if (!mediaType.equals("application/problem+json")) {
                broken.add("a " + status + " that is not application/problem+json but '" + contentType + "'");
            } else {
                JsonNode problem = parse(response, broken);
                if (problem != null) {
                    if (!PROBLEM_TYPE.matcher(problem.path("type").asText()).matches()) {
                        broken.add("problem type " + problem.path("type") + " is not urn:visitation:problem:...");
                    }
                    if (!problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
                        broken.add("problem without a title");
                    }
                    if (problem.path("status").asInt(-1) != status || !problem.path("status").isInt()) {
                        broken.add("problem status " + problem.path("status") + " is not the HTTP status " + status);
                    }
                    // the problem schema the operation documents for the status (e.g. a refused import's, with its report), else Problem
                    JsonNode documentedProblem = call.operation().spec().path("responses").path(Integer.toString(status)).path("content")
                            .path("application/problem+json").path("schema");
                    contract.check(problem, documentedProblem.isMissingNode() ? contract.target("#/components/schemas/Problem")
                            : documentedProblem, true).forEach(p -> broken.add("problem body: " + p));
                }
            }
        }
        if (status >= 200 && status < 300 && !call.oddRoute()) {
            if (!call.callerAllowed()) {
                broken.add("a " + status + " for " + call.caller() + ", whom the operation does not allow");
            }
            JsonNode documented = call.operation().spec().path("responses").path(Integer.toString(status));
            if (documented.isMissingNode()) {
                broken.add("answered " + status + ", which the operation does not document");
            } else if (!documented.path("content").isMissingNode() && status != 204) {
                JsonNode media = documented.path("content").path(mediaType);
                if (media.isMissingNode()) {
                    broken.add("answered " + status + " as '" + contentType + "', not a documented media type "
                            + documented.path("content").properties().stream().map(Map.Entry::getKey).toList());
                } else if (mediaType.equals("application/json") && media.has("schema")) {
                    JsonNode body = parse(response, broken);
                    if (body != null) {
                        contract.check(body, media.get("schema"), true).forEach(p -> broken.add("body: " + p));
                    }
                }
            }
        }
        return broken;
    }

    private static JsonNode parse(Response response, List<String> broken) {
        try {
            return MAPPER.readTree(response.asByteArray());
        } catch (java.io.IOException e) {
            broken.add("the body is not JSON: " + e.getMessage());
            return null;
        }
    }

    private static String report(long seed, int index, Call call, String what, Response response) {
        StringBuilder text = new StringBuilder();
        text.append("- case ").append(index).append(" (-Dfuzz.seed=").append(seed).append(" -Dfuzz.case=").append(index)
                .append(") ").append(call.operation().id()).append(": ").append(what).append("\n    ")
                .append(call.method()).append(' ').append(shortened(call.url(), 300)).append(" as ").append(call.caller())
                .append(", body: ").append(call.bodyHow());
        call.headers().forEach((name, value) -> {
            if (!name.equals("Authorization")) {
                text.append(", ").append(name).append(": ").append(shortened(value, 60));
            }
        });
        if (call.contentType() != null) {
            text.append(", Content-Type: ").append(call.contentType());
        }
        if (call.body() != null) {
            text.append("\n    sent: ").append(masked(shortened(new String(call.body(), StandardCharsets.UTF_8), 400)));
        }
        if (response != null) {
            text.append("\n    got: ").append(response.statusCode()).append(' ').append(response.contentType()).append(' ')
                    .append(masked(shortened(response.asString(), 600)));
        }
        return text.toString();
    }

    /** Reports reach logs too: a CPR number in them is hidden as the hygiene check would ask. */
    private static String masked(String text) {
        String result = text;
        for (String cpr : CprScanner.cprNumbersIn(text)) {
            result = result.replace(cpr, CprScanner.hidden(cpr)).replace(cpr.substring(0, 6) + "-" + cpr.substring(6),
                    CprScanner.hidden(cpr));
        }
        return result;
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " chars)";
    }
}
