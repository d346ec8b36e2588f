package dk.visitation.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import dk.visitation.workflow.engine.InProcessEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.HdrHistogram.Recorder;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of bench/visitation-throughput.sh and the raw-engine comparison of bench/raw-engine.sh: an
 * in-process engine — the service's ({@code InProcessEngine}: prefix-seeking store, bounded log) or the stock
 * {@code EngineFactory.create(port)} — with the service's client settings, and a model of as many jobs and
 * gateways as one case meets on the quick-screening path (7 jobs: register-case, assess-target-group,
 * register-quick-screening, check-handover-conditions, write-handover-summary, receive-case, switch-payment;
 * 4 exclusive gateways), each job completed at once: no database, no HTTP.
 * <pre>
 * RawEngineBench IN_FLIGHT SECONDS [STANDING [service|stock [WARMUP_SECONDS]]]    prints one "BENCH {json}" line
 * </pre>
 * Step latency: the time from sending a job's complete command to its answer (the engine processing one
 * step, behind whatever else it has queued), p50 and p99 over the window.
 * {@code STANDING} instances of another model wait at a job nobody works on while the figure is taken, as the
 * service's open cases (assessment tasks, economy reviews) wait in its engine.
 */
public final class RawEngineBench {

    static final int JOBS = 7;

    private RawEngineBench() {
    }

    /** Which engine: the service's own, or zeebe-process-test's stock factory. */
    public enum Variant { SERVICE, STOCK }

    /**
     * {@code completed}: instances ended inside the window (the figure); {@code started} and {@code finished}: all
     * instances sent and all that reached their end event, counting those drained after the window.
     */
    public record Result(long completed, long errors, double seconds, double stepP50Ms, double stepP99Ms, double standingPerSecond,
            long started, long finished) {
        public double instancesPerSecond() {
            return completed / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int inFlight = Integer.parseInt(args[0]);
        Duration window = Duration.ofSeconds(Long.parseLong(args[1]));
        int standing = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Variant variant = args.length > 3 ? Variant.valueOf(args[3].toUpperCase()) : Variant.SERVICE;
        long warmUp = args.length > 4 ? Long.parseLong(args[4]) : 10;
        run(variant, inFlight, Duration.ofSeconds(warmUp), 0); // warm-up, not measured (in its own engine)
        Result r = run(variant, inFlight, window, standing);
        System.out.println("BENCH " + ServiceClient.JSON.writeValueAsString(Map.of("variant", variant.name().toLowerCase(),
                "instancesPerSecond", r.instancesPerSecond(), "completed", r.completed(), "errors", r.errors(),
                "inFlight", inFlight, "standing", standing, "stepP50Ms", r.stepP50Ms(), "stepP99Ms", r.stepP99Ms(),
                "standingStartedPerSecond", r.standingPerSecond())));
        System.exit(0);
    }

    static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess("raw-visitation")
                .startEvent("received")
                .serviceTask("job-1", t -> t.zeebeJobType("raw.job-1"))
                .exclusiveGateway("gateway-1").condition("= false").endEvent("never-1")
                .moveToLastExclusiveGateway().defaultFlow()
                .serviceTask("job-2", t -> t.zeebeJobType("raw.job-2"))
                .exclusiveGateway("gateway-2").condition("= false").endEvent("never-2")
                .moveToLastExclusiveGateway().defaultFlow()
                .serviceTask("job-3", t -> t.zeebeJobType("raw.job-3"))
                .exclusiveGateway("gateway-3").condition("= false").endEvent("never-3")
                .moveToLastExclusiveGateway().defaultFlow()
                .serviceTask("job-4", t -> t.zeebeJobType("raw.job-4"))
                .exclusiveGateway("gateway-4").condition("= false").endEvent("never-4")
                .moveToLastExclusiveGateway().defaultFlow()
                .serviceTask("job-5", t -> t.zeebeJobType("raw.job-5"))
                .serviceTask("job-6", t -> t.zeebeJobType("raw.job-6"))
                .serviceTask("job-7", t -> t.zeebeJobType("raw.job-7"))
                .endEvent("done")
                .done();
    }

    static BpmnModelInstance waiting() {
        return Bpmn.createExecutableProcess("raw-waiting").startEvent()
                .serviceTask("wait", t -> t.zeebeJobType("raw.nobody")).endEvent().done();
    }

    /**
     * A fresh engine with {@code standing} instances waiting; then {@code inFlight} instances at a time for
     * {@code window}, each started and awaited to its end.
     */
    public static Result run(int inFlight, Duration window, int standing) throws Exception {
        return run(Variant.SERVICE, inFlight, window, standing);
    }

    public static Result run(Variant variant, int inFlight, Duration window, int standing) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Runnable stop;
        if (variant == Variant.STOCK) {
            ZeebeTestEngine engine = EngineFactory.create(port);
            engine.start();
            stop = engine::stop;
        } else {
            InProcessEngine engine = InProcessEngine.start(port, false);
            stop = engine::stop;
        }
        URI address = URI.create("http://localhost:" + port);
        List<JobWorker> workers = new ArrayList<>();
        try (CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(address).restAddress(address)
                .preferRestOverGrpc(false).applyEnvironmentVariableOverrides(false).defaultJobWorkerStreamEnabled(true).build()) {
            client.newDeployResourceCommand().addProcessModel(model(), "raw-visitation.bpmn")
                    .addProcessModel(waiting(), "raw-waiting.bpmn").send().join();
            Semaphore starting = new Semaphore(64);
            long standingStart = System.nanoTime();
            for (int i = 0; i < standing; i++) {
                starting.acquire();
                client.newCreateInstanceCommand().bpmnProcessId("raw-waiting").latestVersion()
                        .variables(Map.of("caseId", java.util.UUID.randomUUID().toString())).send()
                        .whenComplete((created, failure) -> starting.release());
            }
            starting.acquire(64);
            double standingPerSecond = standing == 0 ? 0 : standing / ((System.nanoTime() - standingStart) / 1e9);
            Recorder steps = new Recorder(3);
            for (int j = 1; j <= JOBS; j++) {
                workers.add(client.newWorker().jobType("raw.job-" + j)
                        .handler((jobClient, job) -> {
                            long sent = System.nanoTime();
                            jobClient.newCompleteCommand(job).send().join();
                            steps.recordValue((System.nanoTime() - sent) / 1000); // µs
                        }).open());
            }
            Semaphore slots = new Semaphore(inFlight);
            AtomicLong completed = new AtomicLong();
            AtomicLong started = new AtomicLong();
            AtomicLong finished = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            long end = start + window.toNanos();
            steps.reset();
            while (System.nanoTime() < end) {
                if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                started.incrementAndGet();
                client.newCreateInstanceCommand().bpmnProcessId("raw-visitation").latestVersion().withResult()
                        .requestTimeout(Duration.ofSeconds(60)).send().whenComplete((result, failure) -> {
                            if (failure != null) {
                                if (errors.incrementAndGet() == 1) {
                                    System.out.println("first failure: " + failure);
                                }
                            } else {
                                finished.incrementAndGet();
                                if (System.nanoTime() <= end) {
                                    completed.incrementAndGet();
                                }
                            }
                            slots.release();
                        });
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            var histogram = steps.getIntervalHistogram();
            slots.tryAcquire(inFlight, 60, TimeUnit.SECONDS);
            workers.forEach(JobWorker::close);
            return new Result(completed.get(), errors.get(), seconds, histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0, standingPerSecond, started.get(), finished.get());
        } finally {
            stop.run();
        }
    }
}
