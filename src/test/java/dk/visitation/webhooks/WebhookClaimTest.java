package dk.visitation.webhooks;

import static dk.visitation.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Api;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Two dispatchers (two replicas) taking due deliveries at the same moment never take the same one. */
@QuarkusTest
class WebhookClaimTest {

    @Inject
    WebhookDeliveries deliveries;

    @Test
    void two_dispatchers_at_once_take_disjoint_deliveries_and_each_event_is_sent_once() throws Exception {
        String system = Tokens.of("hooks.claim", Set.of("SYSTEM"), Set.of());
        try (Receiver receiver = new Receiver()) {
            var created = as(system).contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "eventTypes", List.of("case.registered")))
                    .post("/webhooks").then().statusCode(201).extract();
            List<UUID> cases = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                cases.add(Api.registerCase(Api.freshCpr()));
            }
            CyclicBarrier together = new CyclicBarrier(2);
            var a = CompletableFuture.supplyAsync(() -> claimAfter(together));
            var b = CompletableFuture.supplyAsync(() -> claimAfter(together));
            Set<UUID> first = ids(a.get()), second = ids(b.get());
            Set<UUID> both = new HashSet<>(first);
            both.retainAll(second);
            assertEquals(Set.of(), both, "no delivery taken twice");
            deliveries.release(first);
            deliveries.release(second);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> cases.stream().allMatch(c -> !receiver.about(c).isEmpty()));
            for (UUID caseId : cases) {
                assertEquals(1, receiver.about(caseId).size(), "sent once: " + caseId);
            }
            assertTrue(first.size() + second.size() <= 500);
            as(system).header("If-Match", created.header("ETag")).delete("/webhooks/" + created.path("id")).then().statusCode(204);
        }
    }

    private List<WebhookDeliveries.Claimed> claimAfter(CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return deliveries.claim(Set.of(), 500);
    }

    private static Set<UUID> ids(List<WebhookDeliveries.Claimed> claimed) {
        Set<UUID> ids = new HashSet<>();
        claimed.forEach(c -> ids.add(c.id()));
        return ids;
    }
}
