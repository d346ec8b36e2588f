package dk.visitation.webhooks;

import static dk.visitation.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Api;
import dk.visitation.support.CprScanner;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: webhooks to a real receiver on this machine — signed, CloudEvents, at least once and in order per case, not
 * held up by a slow receiver, paused after failures and resumed, redelivered on request.
 */
@QuarkusTest
class WebhooksTest {

    private final List<Receiver> receivers = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();
    private String user = "hooks." + UUID.randomUUID().toString().substring(0, 8); // a rate-limit bucket of its own

    private RequestSpecification system() {
        return as(Tokens.of(user, Set.of("SYSTEM"), Set.of()));
    }

    @AfterEach
    void unsubscribeAndStop() {
        for (String id : subscriptions) {
            String etag = system().get("/webhooks/" + id).then().extract().header("ETag");
            if (etag != null) {
                system().header("If-Match", etag).delete("/webhooks/" + id).then().statusCode(204);
            }
        }
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver() throws Exception {
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        return receiver;
    }

    /** Subscribes the receiver; returns id and secret. */
    private String[] subscribe(Receiver receiver, String... types) {
        var created = system().contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "eventTypes", List.of(types)))
                .post("/webhooks").then().statusCode(201).extract();
        String id = created.path("id");
        subscriptions.add(id);
        return new String[] {id, created.path("secret")};
    }

    private List<Map<String, Object>> deliveries(String subscription) {
        return system().queryParam("size", 200).get("/webhooks/" + subscription + "/deliveries").then().statusCode(200).extract().path("items");
    }

    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250));
    }

    /** The receiver's own check of a Standard Webhooks signature, written from the specification, not from the service's code. */
    private static boolean verifies(String secret, Receiver.Received r) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body();
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        for (String signature : r.header("webhook-signature").split(" ")) {
            if (signature.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void a_registration_arrives_as_a_signed_cloud_event_with_ids_and_facts_only() throws Exception {
        Receiver receiver = receiver();
        String[] hook = subscribe(receiver, "case.registered");
        assertTrue(hook[1].startsWith("whsec_"), "a secret is generated and shown once");
        system().get("/webhooks/" + hook[0]).then().statusCode(200).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));

        UUID caseId = Api.registerCase(Api.freshCpr());
        eventually().until(() -> !receiver.about(caseId).isEmpty());
        Receiver.Received r = receiver.about(caseId).getFirst();
        assertTrue(verifies(hook[1], r), "the signature verifies with the secret");
        assertFalse(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), r), "and not with another");
        long timestamp = Long.parseLong(r.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 300, "webhook-timestamp is now, in unix seconds");
        assertTrue(r.header("content-type").startsWith("application/cloudevents+json"));
        assertEquals("1.0", r.event().path("specversion").asText());
        assertEquals("dk.visitation.case.registered", r.event().path("type").asText());
        assertEquals(r.header("webhook-id"), r.event().path("id").asText(), "webhook-id is the event's id");
        assertEquals("/visitation", r.event().path("source").asText());
        assertEquals("MYN", r.event().path("data").path("department").asText());
        assertTrue(CprScanner.cprNumbersIn(r.body()).isEmpty() && !r.body().contains("Emil"), "no CPR number, no name");

        // the feed carries the same event
        List<Map<String, Object>> feed = new ArrayList<>();
        for (long after = 0; ; ) {
            var page = system().queryParam("limit", 1000).queryParam("after", after).get("/events").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            if (items.isEmpty()) {
                break;
            }
            items.stream().filter(e -> caseId.toString().equals(e.get("caseId"))).forEach(feed::add);
            after = ((Number) page.path("next")).longValue();
        }
        assertEquals(r.event().path("id").asText(), feed.getFirst().get("id"));
        assertEquals("case.registered", feed.getFirst().get("type"));
        assertEquals(r.event().path("sequence").asText(), String.valueOf(feed.getFirst().get("seq")));

        eventually().untilAsserted(() -> {
            Map<String, Object> delivery = deliveries(hook[0]).stream().filter(d -> caseId.toString().equals(d.get("caseId")))
                    .findFirst().orElseThrow();
            assertEquals("DELIVERED", delivery.get("status"));
            assertEquals(1, delivery.get("attempts"));
            assertEquals(204, delivery.get("lastStatusCode"));
            assertEquals(r.event().path("id").asText(), delivery.get("eventId"));
            assertEquals("case.registered", delivery.get("eventType"));
            assertNotNull(delivery.get("deliveredAt"));
        });
    }

    @Test
    void a_receiver_down_for_a_while_gets_every_event_once_it_is_back_in_order_per_case() throws Exception {
        Receiver receiver = receiver();
        String[] hook = subscribe(receiver, "case.registered", "grant.changed");
        receiver.stop();
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID caseId = Api.registerCase(Api.freshCpr());
            Api.given().contentType(ContentType.JSON).body(Map.of("serviceType", "RESPITE_CARE", "provider", "INTERNAL",
                    "providerName", "Aflastning", "priceOre", 100_000L, "tariffPeriod", "DAY", "scope", 1,
                    "from", "2027-01-01", "to", "2027-02-01")).post("/cases/" + caseId + "/grants").then().statusCode(201);
            cases.add(caseId);
        }
        // the service tried and failed: the receiver is down
        eventually().until(() -> deliveries(hook[0]).stream().anyMatch(d -> d.get("lastError") != null));
        receiver.restart();

        eventually().untilAsserted(() -> {
            for (UUID caseId : cases) {
                List<String> types = new ArrayList<>(new LinkedHashSet<>(receiver.about(caseId).stream()
                        .map(r -> r.event().path("type").asText()).toList()));
                assertEquals(List.of("dk.visitation.case.registered", "dk.visitation.grant.changed"), types, "every event, in order, of " + caseId);
            }
        });
        eventually().untilAsserted(() -> assertTrue(deliveries(hook[0]).stream().filter(d -> cases.contains(UUID.fromString((String) d.get("caseId"))))
                .allMatch(d -> "DELIVERED".equals(d.get("status")))));
        system().get("/webhooks/" + hook[0]).then().body("status", org.hamcrest.Matchers.equalTo("ACTIVE"))
                .body("consecutiveFailures", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void a_slow_receiver_does_not_hold_up_the_registration_of_cases() throws Exception {
        Receiver receiver = receiver();
        subscribe(receiver, "case.registered");
        CountDownLatch release = new CountDownLatch(1);
        receiver.hold.set(release);
        UUID first = Api.registerCase(Api.freshCpr());
        eventually().until(() -> receiver.entered.get() > 0); // the receiver now sits on the first delivery

        long started = System.nanoTime();
        UUID second = Api.registerCase(Api.freshCpr());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        boolean stillBlocked = release.getCount() == 1 && receiver.received.isEmpty();
        assertTrue(stillBlocked, "the receiver was still blocked while the case was registered");
        // under the read timeout (8 s in tests): a registration that waited for the receiver would take at least that long
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "a registration returns while the receiver is blocked: " + took);

        receiver.hold.set(null);
        release.countDown();
        eventually().until(() -> !receiver.about(first).isEmpty() && !receiver.about(second).isEmpty());
    }

    @Test
    void too_many_failures_pause_the_subscription_and_a_resume_goes_on_where_it_stopped() throws Exception {
        Receiver receiver = receiver();
        receiver.status.set(500);
        String[] hook = subscribe(receiver, "case.registered");
        UUID before = Api.registerCase(Api.freshCpr());
        eventually().untilAsserted(() -> system().get("/webhooks/" + hook[0]).then().body("status", org.hamcrest.Matchers.equalTo("PAUSED"))
                .body("pausedAt", org.hamcrest.Matchers.notNullValue()));
        String metrics = system().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("visitation_webhooks_subscriptions_paused") && !l.endsWith(" 0.0")),
                "a paused subscription shows on the dashboard");
        assertTrue(metrics.contains("visitation_webhooks_deliveries_pending"));
        UUID whilePaused = Api.registerCase(Api.freshCpr());
        Map<String, Object> waiting = deliveries(hook[0]).stream().filter(d -> before.toString().equals(d.get("caseId"))).findFirst().orElseThrow();
        assertEquals("PENDING", waiting.get("status"), "paused, not dropped");
        assertEquals(500, waiting.get("lastStatusCode"));

        receiver.status.set(204);
        system().post("/webhooks/" + hook[0] + "/resume").then().statusCode(428);
        system().header("If-Match", "\"999\"").post("/webhooks/" + hook[0] + "/resume").then().statusCode(412);
        String etag = system().get("/webhooks/" + hook[0]).then().extract().header("ETag");
        system().header("If-Match", etag).post("/webhooks/" + hook[0] + "/resume").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACTIVE")).body("consecutiveFailures", org.hamcrest.Matchers.equalTo(0));
        String resumed = system().get("/webhooks/" + hook[0]).then().extract().header("ETag");
        system().header("If-Match", resumed).post("/webhooks/" + hook[0] + "/resume").then().statusCode(409);

        eventually().until(() -> !receiver.about(before).isEmpty() && !receiver.about(whilePaused).isEmpty());
    }

    @Test
    void a_delivery_is_sent_again_on_request_with_the_same_webhook_id() throws Exception {
        Receiver receiver = receiver();
        String[] hook = subscribe(receiver, "case.registered");
        UUID caseId = Api.registerCase(Api.freshCpr());
        eventually().until(() -> deliveries(hook[0]).stream().anyMatch(d -> caseId.toString().equals(d.get("caseId"))
                && "DELIVERED".equals(d.get("status"))));
        String delivery = (String) deliveries(hook[0]).stream().filter(d -> caseId.toString().equals(d.get("caseId"))).findFirst()
                .orElseThrow().get("id");
        system().post("/webhooks/" + hook[0] + "/deliveries/" + delivery + "/redeliver").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING")).body("attempts", org.hamcrest.Matchers.equalTo(0));
        eventually().until(() -> receiver.about(caseId).size() == 2);
        assertEquals(receiver.about(caseId).get(0).header("webhook-id"), receiver.about(caseId).get(1).header("webhook-id"));
        system().post("/webhooks/" + hook[0] + "/deliveries/" + UUID.randomUUID() + "/redeliver").then().statusCode(404);
        system().get("/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
    }

    @Test
    void only_systems_manage_webhooks() {
        String adviser = Tokens.adviser();
        as(adviser).get("/webhooks").then().statusCode(403);
        as(adviser).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("case.registered")))
                .post("/webhooks").then().statusCode(403);
        as(Tokens.of("lars.leader", Set.of("LEADER"), Set.of("MYN", "CBA"))).get("/webhooks/" + UUID.randomUUID() + "/deliveries")
                .then().statusCode(403);
    }

    @Test
    void bad_subscriptions_are_400s_naming_the_field_and_changes_need_the_etag() {
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("url", Map.of("url", "ftp://127.0.0.1/x", "eventTypes", List.of("case.registered")));
        bad.put("url ", Map.of("url", "/relative/hook", "eventTypes", List.of("case.registered")));
        bad.put("url  ", Map.of("url", "http://example.org/hook", "eventTypes", List.of("case.registered"))); // not an allowed host
        bad.put("eventTypes", Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of()));
        bad.put("eventTypes[1]", Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("case.registered", "case.exploded")));
        bad.put("secret", Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("case.registered"), "secret", "hemmeligt"));
        for (var entry : bad.entrySet()) {
            List<String> fields = system().contentType(ContentType.JSON).body(entry.getValue()).post("/webhooks").then().statusCode(400)
                    .contentType("application/problem+json").extract().path("errors.field");
            assertTrue(fields.stream().anyMatch(f -> f.endsWith(entry.getKey().strip())), entry.getKey() + " named: " + fields);
        }
        Map<String, Object> noUrl = new HashMap<>(Map.of("eventTypes", List.of("case.registered")));
        system().contentType(ContentType.JSON).body(noUrl).post("/webhooks").then().statusCode(400);

        // a secret of one's own, and a retried creation with its Idempotency-Key
        String secret = "whsec_" + Base64.getEncoder().encodeToString("a secret of thirty-two bytes!!!!".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("case.inactive"), "secret", secret);
        String key = UUID.randomUUID().toString();
        String id = system().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/webhooks").then().statusCode(201)
                .body("secret", org.hamcrest.Matchers.equalTo(secret)).extract().path("id");
        subscriptions.add(id);
        system().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/webhooks").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", org.hamcrest.Matchers.equalTo(id));
        assertTrue(system().queryParam("size", 200).get("/webhooks").then().statusCode(200).extract().<List<String>>path("items.id").contains(id)
                || system().get("/webhooks").then().extract().<Integer>path("total") > 200);

        system().delete("/webhooks/" + id).then().statusCode(428);
        system().header("If-Match", "\"7\"").delete("/webhooks/" + id).then().statusCode(412);
        system().get("/webhooks/" + UUID.randomUUID()).then().statusCode(404);
    }
}
