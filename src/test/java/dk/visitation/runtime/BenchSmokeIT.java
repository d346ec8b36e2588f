package dk.visitation.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.bench.CaseReadBench;
import dk.visitation.bench.Load;
import dk.visitation.bench.RawEngineBench;
import dk.visitation.bench.ServiceClient;
import dk.visitation.bench.VisitationBench;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks of bench/ with a budget of seconds, so that their load code never rots: the same code
 * bench/case-read.sh and bench/visitation-throughput.sh run, against the packaged service. Asserts no
 * errors and correct cases, never timings (CI machines differ). The bare Quarkus baseline is a separate
 * project and is only built by bench/case-read.sh.
 */
class BenchSmokeIT {

    @Test
    void the_case_read_and_visitation_benchmarks_run_without_errors_and_every_case_ends_correct() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Files.createTempDirectory("visitation-bench-smoke"))) {
            HttpClient http = Load.client();
            URI base = service.uri("");

            CaseReadBench.Targets cases = CaseReadBench.prepare(http, base, true, 20);
            assertEquals(20, cases.ids().size());
            Load.Result fixed = Load.fixedRate(http, CaseReadBench.reads(base, cases), 50, Duration.ofSeconds(2));
            System.out.println("[bench smoke] case read " + fixed);
            assertEquals(100, fixed.requests());
            assertEquals(0, fixed.errors());
            Load.Result closed = Load.closedLoop(http, CaseReadBench.reads(base, cases), 4, Duration.ofSeconds(2));
            System.out.println("[bench smoke] case read " + closed);
            assertEquals(0, closed.errors());
            assertTrue(closed.requests() > 0);

            ServiceClient api = new ServiceClient(base, http);
            VisitationBench.Result walked = VisitationBench.closedLoop(api, 4, Duration.ofSeconds(4), 1_000_000);
            System.out.println("[bench smoke] visitation " + walked.json());
            assertEquals(List.of(), walked.problems());
            assertEquals(0, walked.errors());
            assertEquals(walked.started(), walked.verified(), "every case started is handed over correctly");
            VisitationBench.Result paced = VisitationBench.openLoop(api, 2, Duration.ofSeconds(3), 2_000_000);
            System.out.println("[bench smoke] visitation " + paced.json());
            assertEquals(List.of(), paced.problems());
            assertEquals(6, paced.verified());
        }
    }

    @Test
    void the_raw_engine_baseline_runs_its_model_to_the_end() throws Exception {
        RawEngineBench.Result raw = RawEngineBench.run(4, Duration.ofSeconds(2), 10);
        System.out.println("[bench smoke] raw engine " + raw.instancesPerSecond() + " instances/s");
        assertEquals(0, raw.errors());
        // Whether any instance ends inside two seconds depends on the machine (a cold CI runner finished none);
        // that every instance started reaches its end does not.
        assertTrue(raw.started() > 0);
        assertEquals(raw.started(), raw.finished(), "every instance started runs its model to the end");
    }
}
