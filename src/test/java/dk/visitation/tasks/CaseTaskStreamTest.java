package dk.visitation.tasks;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** GET /cases/{id}/tasks/stream read with a real HTTP client (java.net.http), events awaited with a timeout. */
@QuarkusTest
class CaseTaskStreamTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String mette() {
        return Tokens.of("mette.myn", Set.of("MYN_ADVISER"), Set.of("MYN"));
    }

    /** One server-sent event: its name, id and data. */
    record Event(String name, String id, String data) {
        JsonPath json() {
            return JsonPath.from(data);
        }
    }

    /** An open stream: the response's status and type, and its events as they arrive. */
    record Opened(int status, String contentType, BlockingQueue<Event> events, BlockingQueue<Boolean> ended, String body) {
        Event next() throws InterruptedException {
            Event event = events.poll(30, TimeUnit.SECONDS);
            assertNotNull(event, "an event within 30 s");
            return event;
        }
    }

    private static Opened open(String token, UUID caseId, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/cases/" + caseId
                        + "/tasks/stream?seconds=" + seconds))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        String type = response.headers().firstValue("Content-Type").orElse("");
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> ended = new LinkedBlockingQueue<>();
        if (!type.startsWith("text/event-stream")) {
            try (Stream<String> lines = response.body()) {
                return new Opened(response.statusCode(), type, events, ended, String.join("\n", lines.toList()));
            }
        }
        Thread.ofVirtual().start(() -> {
            String[] event = new String[3];
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (event[0] != null || event[2] != null) {
                            events.add(new Event(event[0], event[1], event[2]));
                        }
                        event[0] = event[1] = event[2] = null;
                    } else if (line.startsWith("event:")) {
                        event[0] = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        event[1] = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        event[2] = event[2] == null ? line.substring(5).strip() : event[2] + "\n" + line.substring(5).strip();
                    }
                });
            } finally {
                ended.add(true);
            }
        });
        return new Opened(response.statusCode(), type, events, ended, null);
    }

    @Test
    void the_stream_sends_the_cases_open_task_first_and_then_its_changes_and_ends_cleanly() throws Exception {
        UUID caseId = registerCase(freshCpr());
        String taskId = dk.visitation.support.Tasks.awaitOpen(caseId, "assess-target-group");
        Opened stream = open(mette(), caseId, 60);
        assertEquals(200, stream.status());
        Event first = stream.next();
        assertEquals("task", first.name());
        assertEquals(taskId, first.json().getString("id"));
        assertEquals("OPEN", first.json().getString("status"));
        assertEquals("assess-target-group", first.json().getString("elementId"));
        assertTrue(first.id().startsWith(taskId + ":"), "the event id is the task and its version");

        as(mette()).post("/tasks/" + taskId + "/claim").then().statusCode(200);
        Event claimed = stream.next();
        assertEquals("task", claimed.name());
        assertEquals(taskId, claimed.json().getString("id"));
        assertEquals("mette.myn", claimed.json().getString("assignee"));

        as(Tokens.of("auditor.anne", Set.of("AUDITOR"), Set.of())).queryParam("actor", "mette.myn").queryParam("caseId", caseId.toString())
                .get("/access-log").then().statusCode(200).body("items.what", hasItem("tasks"));
    }

    @Test
    void the_stream_ends_with_an_end_event_when_its_time_is_up() throws Exception {
        UUID caseId = registerCase(freshCpr());
        dk.visitation.support.Tasks.awaitOpen(caseId, "assess-target-group");
        Opened stream = open(mette(), caseId, 1);
        assertEquals("task", stream.next().name());
        assertEquals("end", stream.next().name());
        assertEquals(Boolean.TRUE, stream.ended().poll(30, TimeUnit.SECONDS), "the server closed the stream");
    }

    @Test
    void a_task_that_opens_after_the_stream_was_opened_is_pushed() throws Exception {
        UUID caseId = registerCase(freshCpr());
        // opened at once: the assessment task may be projected before or after; either way it arrives
        Opened stream = open(mette(), caseId, 60);
        Event event = stream.next();
        assertEquals("assess-target-group", event.json().getString("elementId"));
        assertEquals("OPEN", event.json().getString("status"));
    }

    @Test
    void a_case_outside_the_callers_scope_is_a_404_and_a_role_without_tasks_a_403() throws Exception {
        UUID caseId = registerCase(freshCpr());
        Opened other = open(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA")), caseId, 5);
        assertEquals(404, other.status());
        assertTrue(other.contentType().startsWith("application/problem+json"), other.contentType());
        assertEquals("urn:visitation:problem:not-found", JsonPath.from(other.body()).getString("type"));
        assertEquals(403, open(Tokens.of("auditor.anne", Set.of("AUDITOR"), Set.of()), caseId, 5).status());
        assertEquals(400, open(mette(), caseId, 0).status());
        as(mette()).accept("text/event-stream").get("/cases/" + UUID.randomUUID() + "/tasks/stream").then().statusCode(404)
                .body("status", equalTo(404));
    }
}
