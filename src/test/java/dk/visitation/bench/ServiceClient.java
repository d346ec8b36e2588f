package dk.visitation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The running service as the benchmarks use it: development tokens, intake, and one case walked through
 * the visitation the way its users walk it (HandoverTest's clear path), then checked. Never puts a CPR
 * number in a URL or in its output.
 */
public final class ServiceClient {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final String EFFECTIVE_DATE = "2026-12-01";
    private static final Map<String, Object> SUMMARY = Map.of("lastInvestigationOn", "2026-10-01",
            "lastMeetingOn", "2026-11-15", "agreements", "Forældrene ønsker aflastning hver anden weekend.");
    private static final List<String> FLAGS = List.of("disabilityIsMainProblem", "otherSocialProblemsWeighHeavier",
            "disabilitySpecificOffersRequested", "knownDiagnosisFromBupOrHospital", "placementOfChildOfMentallyIllParents",
            "childOfPregnantWomanWithConcern", "siblingNeedOnlyFromDisabledSibling", "childOfSeverelyIntellectuallyDisabledParents");
    private static final Set<String> OBVIOUS_CBA = Set.of("disabilityIsMainProblem", "disabilitySpecificOffersRequested",
            "knownDiagnosisFromBupOrHospital");

    final URI base;
    final HttpClient http;
    public final String myn;
    public final String cba;
    /** Set (-Dbench.economy-reviews=true): each walk also completes the case's economy review, as ECONOMY would. */
    public final String economy;

    public ServiceClient(URI base, HttpClient http) throws IOException, InterruptedException {
        this.base = base;
        this.http = http;
        this.myn = token("mette.myn", "MYN_ADVISER", "MYN");
        this.cba = token("carl.cba", "CBA_ADVISER", "CBA");
        this.economy = Boolean.getBoolean("bench.economy-reviews") ? token("erik.economy", "ECONOMY", "MYN") : null;
        registerReceivingAdviser();
    }

    /** The walk's receiving adviser, carl.cba, must be an active adviser of CBA in the register: registered once (409 after). */
    private void registerReceivingAdviser() throws IOException, InterruptedException {
        String leader = token("lea.leader", "LEADER", "CBA");
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/advisers")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + leader).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("userId", "carl.cba",
                        "name", "Carl Christensen", "department", "CBA", "fte", 1, "caseloadKind", "DISABILITY", "activeFrom", "2020-01-01"))))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("POST /advisers answered " + status);
        }
    }

    /** A token from the service's development issuer (embedded mode, visitation.dev-identity.enabled). */
    public String token(String user, String role, String department) throws IOException, InterruptedException {
        return call("POST", "/dev/tokens", null, Map.of("user", user, "roles", List.of(role), "departments", List.of(department)), 200)
                .get("accessToken").asText();
    }

    /**
     * The {@code n}-th CPR number of a run: children born 2010–2024 (7th digit 4 = born 2000–2036), a real
     * date, distinct for the first 5 million {@code n}. Same pattern as the tests' generator.
     */
    public static String cpr(long n) {
        int serial = (int) (n % 1000);
        int day = 1 + (int) (n / 1000 % 28);
        int month = 1 + (int) (n / 28_000 % 12);
        int year = 10 + (int) (n / 336_000 % 15);
        return String.format("%02d%02d%02d4%03d", day, month, year, serial);
    }

    public UUID intake(long n) throws IOException, InterruptedException {
        Map<String, Object> body = Map.of("child", Map.of("cpr", cpr(n), "name", "Barn " + n), "source", "SCHOOL",
                "receivedAt", "2026-11-20T09:30:00+01:00",
                "description", "Skolen beskriver betydelig og varig nedsat funktionsevne (bench " + n + ").");
        return UUID.fromString(call("POST", "/cases", myn, body, 201).get("id").asText());
    }

    /** MYN's open tasks across all cases (the page's total): before any walk, one assessment per open case. */
    public long openMynTasks() throws IOException, InterruptedException {
        return call("GET", "/tasks?candidateGroup=MYN&size=1", myn, null, 200).get("total").asLong();
    }

    public void grant(UUID caseId) throws IOException, InterruptedException {
        call("POST", "/cases/" + caseId + "/grants", myn, Map.of("serviceType", "RESPITE_CARE", "provider", "INTERNAL",
                "providerName", "Specialindsats Mellerup", "priceOre", 245_050L, "tariffPeriod", "DAY", "scope", 1,
                "from", "2026-11-01", "to", "2027-11-01"), 201);
    }

    /** Assessment with obvious-CBA facts, quick screening, summary, receipt by CBA; returns when the case is HANDED_OVER. */
    public void walkToHandover(UUID caseId) throws IOException, InterruptedException {
        String assess = awaitTask(caseId, "assess-target-group", myn);
        Map<String, Object> facts = new HashMap<>();
        facts.put("impairment", "CONSIDERABLE_AND_LASTING");
        FLAGS.forEach(flag -> facts.put(flag, OBVIOUS_CBA.contains(flag)));
        call("PUT", "/cases/" + caseId + "/assessment", myn, facts, 200);
        call("POST", "/tasks/" + assess + "/complete", myn, Map.of("outcome", "QUICK_SCREEN_CBA"), 200);
        call("POST", "/tasks/" + awaitTask(caseId, "write-handover-summary", myn) + "/complete", myn, SUMMARY, 200);
        call("POST", "/tasks/" + awaitTask(caseId, "receive-case", cba) + "/complete", cba,
                Map.of("receivingAdviser", "carl.cba", "effectiveDate", EFFECTIVE_DATE), 200);
        // as MYN: CBA sees the case only once it is handed over, MYN for a while after
        poll(() -> "HANDED_OVER".equals(call("GET", "/cases/" + caseId, myn, null, 200).get("status").asText()) ? "" : null,
                "case " + caseId + " HANDED_OVER");
        if (economy != null) {
            // as ECONOMY does: the handover's cost review, so the case's economy-track instance ends (the soak)
            call("POST", "/tasks/" + awaitTask(caseId, "review-cost-consequence", economy) + "/complete", economy,
                    Map.of("costConsequence", "Aflastning i CBA fra overtagelsen; ingen merudgift.", "annualCostOre", 0), 200);
        }
    }

    /** Null when the case is as a quick-screened, handed-over case must be; else what is wrong. */
    public String problemWith(UUID caseId) throws IOException, InterruptedException {
        JsonNode c = call("GET", "/cases/" + caseId, cba, null, 200);
        if (!"HANDED_OVER".equals(c.get("status").asText()) || !"CBA".equals(c.get("department").asText())
                || !"carl.cba".equals(c.path("adviser").asText())) {
            return caseId + ": status " + c.get("status") + ", department " + c.get("department") + ", adviser " + c.get("adviser");
        }
        JsonNode payment = call("GET", "/cases/" + caseId + "/payment-responsibility?date=" + EFFECTIVE_DATE, cba, null, 200);
        JsonNode periods = payment.get("periods");
        if (periods.size() != 2 || !"MYN".equals(periods.get(0).get("department").asText())
                || !"CBA".equals(periods.get(1).get("department").asText())
                || !EFFECTIVE_DATE.equals(periods.get(1).get("from").asText()) || !"CBA".equals(payment.get("payer").asText())) {
            return caseId + ": payment responsibility " + payment;
        }
        return null;
    }

    /** -Dbench.task-wait=poll: look for the next task with GET /tasks as before, not with the case's task stream. */
    static final boolean POLL_TASKS = "poll".equals(System.getProperty("bench.task-wait"));

    /**
     * The id of the open task of the case at {@code elementId}, pushed by the case's task stream
     * (GET /cases/{id}/tasks/stream): its open tasks first, then each that opens. The stream is scoped like the case,
     * so a department that does not see the case yet (CBA before the handover) is answered 404 and polls instead.
     */
    String awaitTask(UUID caseId, String elementId, String token) throws IOException, InterruptedException {
        if (!POLL_TASKS) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/cases/" + caseId + "/tasks/stream?seconds=60"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> lines = response.body()) {
                if (response.statusCode() == 200) {
                    return lines.filter(line -> line.startsWith("data:") && line.substring(5).strip().startsWith("{")).map(line -> {
                                try {
                                    return JSON.readTree(line.substring(5).strip());
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                            .filter(task -> elementId.equals(task.path("elementId").asText()) && "OPEN".equals(task.path("status").asText()))
                            .map(task -> task.get("id").asText()).findFirst()
                            .orElseThrow(() -> new IllegalStateException("not within 60 s: task " + elementId + " of case " + caseId));
                }
                if (response.statusCode() != 404) {
                    throw new IllegalStateException("GET /cases/" + caseId + "/tasks/stream answered " + response.statusCode());
                }
            }
        }
        return poll(() -> {
            for (JsonNode task : call("GET", "/tasks?caseId=" + caseId, token, null, 200).get("items")) {
                if (elementId.equals(task.get("elementId").asText())) {
                    return task.get("id").asText();
                }
            }
            return null;
        }, "task " + elementId + " of case " + caseId);
    }

    interface Probe {
        String get() throws IOException, InterruptedException;
    }

    private static String poll(Probe probe, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long pause = 10;
        while (System.nanoTime() < deadline) {
            String found = probe.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(pause); // the next step is the engine's: pause 10, 20, 40 … 160 ms between looks
            pause = Math.min(pause * 2, 160);
        }
        throw new IllegalStateException("not within 60 s: " + what);
    }

    /** An unauthenticated GET (the baseline's id list). */
    static JsonNode getJson(HttpClient http, URI uri) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    JsonNode call(String method, String path, String token, Object body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            // the path only (ids, never a CPR number) and the problem's type and title
            JsonNode problem = response.body().length == 0 ? null : JSON.readTree(response.body());
            throw new IllegalStateException(method + " " + base.resolve(path).getPath() + " answered " + response.statusCode()
                    + (problem == null ? "" : " " + problem.path("type").asText() + " " + problem.path("title").asText()));
        }
        return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
