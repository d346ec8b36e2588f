package dk.visitation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * GET /cases/{id} under load, for the service and for the bare baseline (bench/baseline). bench/case-read.sh
 * calls it; CaseReadSmokeIT runs the same code with a tiny budget.
 * <pre>
 * prepare URL service|baseline CASES IDS_FILE   seed (service: intake + grant, every 10th walked to the handover) and write ids + token
 * rates   URL IDS_FILE SECONDS RATE...        open loop at each rate; prints one "BENCH {json}" line
 * closed  URL IDS_FILE SECONDS CONNECTIONS    closed loop (when wrk is missing); prints one "BENCH {json}" line
 * </pre>
 * The ids file holds the bearer token on its first line (a MYN adviser's; the baseline ignores it), then one id a line.
 */
public final class CaseReadBench {

    private CaseReadBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = Load.client();
        URI base = URI.create(args[1]);
        switch (args[0]) {
            case "prepare" -> {
                Targets t = prepare(http, base, "service".equals(args[2]), Integer.parseInt(args[3]));
                List<String> lines = new ArrayList<>();
                lines.add(t.token());
                t.ids().forEach(id -> lines.add(id.toString()));
                Files.write(Path.of(args[4]), lines);
                // a warm-up for the JIT and the pools, not measured
                System.out.println("warm-up " + Load.closedLoop(http, reads(base, t), 8, Duration.ofSeconds(10)));
            }
            case "rates" -> {
                Targets t = read(Path.of(args[2]));
                Duration each = Duration.ofSeconds(Long.parseLong(args[3]));
                Map<String, Object> out = new LinkedHashMap<>();
                // this JVM's own warm-up (the load code's JIT, the client's connections), not measured
                System.out.println("warm-up " + Load.fixedRate(http, reads(base, t), 500, Duration.ofSeconds(5)));
                for (int i = 4; i < args.length; i++) {
                    Load.Result r = Load.fixedRate(http, reads(base, t), Double.parseDouble(args[i]), each);
                    System.out.println(r);
                    out.put(args[i], Map.of("p50", r.percentileMs(50), "p99", r.percentileMs(99), "errors", r.errors(),
                            "requests", r.requests()));
                }
                System.out.println("BENCH " + ServiceClient.JSON.writeValueAsString(out));
            }
            case "closed" -> {
                Targets t = read(Path.of(args[2]));
                Load.Result r = Load.closedLoop(http, reads(base, t), Integer.parseInt(args[4]),
                        Duration.ofSeconds(Long.parseLong(args[3])));
                System.out.println(r);
                System.out.println("BENCH " + ServiceClient.JSON.writeValueAsString(Map.of("throughput", r.throughput(),
                        "errors", r.errors(), "requests", r.requests())));
            }
            default -> throw new IllegalArgumentException("prepare | rates | closed");
        }
    }

    public record Targets(String token, List<UUID> ids) {
    }

    /** The cases to read. The service: {@code cases} new ones with a grant, every 10th handed over to CBA. */
    public static Targets prepare(HttpClient http, URI base, boolean service, int cases) throws Exception {
        if (!service) {
            List<UUID> ids = new ArrayList<>();
            for (JsonNode id : ServiceClient.getJson(http, base.resolve("/cases/ids"))) {
                ids.add(UUID.fromString(id.asText()));
            }
            return new Targets("baseline-needs-no-token", ids);
        }
        ServiceClient api = new ServiceClient(base, http);
        List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
            List<Future<?>> seeded = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                long n = i;
                seeded.add(pool.submit(() -> {
                    UUID id = api.intake(n);
                    api.grant(id);
                    if (n % 10 == 0) {
                        api.walkToHandover(id);
                    }
                    ids.add(id);
                    return null;
                }));
            }
            for (Future<?> f : seeded) {
                f.get();
            }
        }
        System.out.printf("seeded %d cases (%d handed over) in %.1f s%n", cases, (cases + 9) / 10, (System.nanoTime() - started) / 1e9);
        return new Targets(api.myn, ids);
    }

    public static Supplier<HttpRequest> reads(URI base, Targets t) {
        String auth = "Bearer " + t.token();
        List<UUID> ids = List.copyOf(t.ids());
        return () -> HttpRequest.newBuilder(base.resolve("/cases/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))))
                .header("Authorization", auth).header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build();
    }

    private static Targets read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return new Targets(lines.get(0), lines.subList(1, lines.size()).stream().map(UUID::fromString).toList());
    }
}
