package dk.visitation.bench;

import java.net.URI;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Cases through the visitation end to end over REST: intake, obvious-CBA assessment, the assessment task
 * completed with QUICK_SCREEN_CBA, quick screening, the handover summary, the receipt by CBA with an
 * effective date and the payment switch; then every case checked (HANDED_OVER in CBA, MYN then CBA paying
 * from the effective date). bench/visitation-throughput.sh calls it; VisitationSmokeIT runs it tiny.
 * <pre>
 * max  URL WALKERS SECONDS   closed loop: WALKERS cases in flight, a new one as soon as one is through
 * rate URL RATE SECONDS      open loop: RATE new cases a second, whatever the service's backlog
 * standing URL CASES THREADS CASES taken in and left waiting at their target-group assessment (open cases a
 *                            municipality carries), until every one has its assessment task
 * </pre>
 * Prints one "BENCH {json}" line.
 */
public final class VisitationBench {

    private VisitationBench() {
    }

    /** {@code seconds} is the measuring window: cases/s = cases handed over within it / its length. */
    public record Result(String shape, double asked, long started, long completedInWindow, double seconds, long errors,
            long verified, List<String> problems, Histogram caseMillis) {

        public double casesPerSecond() {
            return completedInWindow / seconds;
        }

        public Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("shape", shape);
            out.put("asked", asked);
            out.put("started", started);
            out.put("completedInWindow", completedInWindow);
            out.put("casesPerSecond", casesPerSecond());
            out.put("errors", errors);
            out.put("verified", verified);
            out.put("problems", problems.size());
            out.put("p50ms", caseMillis.getValueAtPercentile(50));
            out.put("p99ms", caseMillis.getValueAtPercentile(99));
            out.put("maxms", caseMillis.getMaxValue());
            return out;
        }
    }

    public static void main(String[] args) throws Exception {
        ServiceClient api = new ServiceClient(URI.create(args[1]), Load.client());
        if (args[0].equals("standing")) {
            System.out.println("BENCH " + ServiceClient.JSON.writeValueAsString(standing(api, Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]))));
            return;
        }
        Duration window = Duration.ofSeconds(Long.parseLong(args[3]));
        Result result = switch (args[0]) {
            case "max" -> closedLoop(api, Integer.parseInt(args[2]), window, 1_000_000);
            case "rate" -> openLoop(api, Double.parseDouble(args[2]), window, 2_000_000);
            default -> throw new IllegalArgumentException("max | rate");
        };
        result.problems().stream().limit(10).forEach(p -> System.out.println("PROBLEM " + p));
        System.out.println("BENCH " + ServiceClient.JSON.writeValueAsString(result.json()));
    }

    /** Takes in {@code cases} cases on {@code threads} callers and waits until each has its assessment task. */
    public static Map<String, Object> standing(ServiceClient api, int cases, int threads) throws Exception {
        long began = System.nanoTime();
        AtomicLong next = new AtomicLong();
        List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                callers.add(pool.submit(() -> {
                    for (long n; (n = next.getAndIncrement()) < cases; ) {
                        ids.add(api.intake(5_000_000 + n));
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        }
        double intakeSeconds = (System.nanoTime() - began) / 1e9;
        long waiting = 0;
        for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10); System.nanoTime() < deadline; ) {
            waiting = api.openMynTasks();
            if (waiting >= cases) {
                break;
            }
            Thread.sleep(500); // polling the count, not a case: the engine works through its backlog meanwhile
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cases", ids.size());
        out.put("intakeSeconds", intakeSeconds);
        out.put("waitingSeconds", (System.nanoTime() - began) / 1e9);
        out.put("assessmentTasksOpen", waiting);
        return out;
    }

    /** {@code walkers} cases in flight for {@code window}; CPR serials from {@code firstSerial}. */
    public static Result closedLoop(ServiceClient api, int walkers, Duration window, long firstSerial) throws Exception {
        Run run = new Run(api, firstSerial, window);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < walkers; w++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < run.end) {
                    run.walk(System.nanoTime());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return run.finish("closed loop, " + walkers + " cases in flight", walkers);
    }

    /** {@code rate} new cases a second for {@code window}; each case's time counts from when it was due. */
    public static Result openLoop(ServiceClient api, double rate, Duration window, long firstSerial) throws Exception {
        Run run = new Run(api, firstSerial, window);
        long total = (long) (rate * window.toNanos() / 1e9);
        List<Thread> threads = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long intended = run.start + (long) (i * 1e9 / rate);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            threads.add(Thread.ofVirtual().start(() -> run.walk(intended)));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3); // a case still walking then is not counted
        for (Thread t : threads) {
            t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        return run.finish("open loop", rate);
    }

    private static final class Run {
        final ServiceClient api;
        final AtomicLong serial;
        final long start = System.nanoTime();
        final long end;
        final AtomicLong started = new AtomicLong();
        final AtomicLong inWindow = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final List<UUID> done = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final Histogram caseMillis = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);

        Run(ServiceClient api, long firstSerial, Duration window) {
            this.api = api;
            this.serial = new AtomicLong(firstSerial);
            this.end = start + window.toNanos();
        }

        void walk(long intended) {
            started.incrementAndGet();
            try {
                UUID id = api.intake(serial.getAndIncrement());
                api.walkToHandover(id);
                long now = System.nanoTime();
                if (now <= end) {
                    inWindow.incrementAndGet();
                }
                synchronized (caseMillis) {
                    caseMillis.recordValue(Math.min((now - intended) / 1_000_000, caseMillis.getHighestTrackableValue()));
                }
                done.add(id);
            } catch (Exception e) {
                errors.incrementAndGet();
                failures.add(e.toString());
            }
        }

        Result finish(String shape, double asked) throws Exception {
            double seconds = (end - start) / 1e9;
            List<String> problems = Collections.synchronizedList(new ArrayList<>(failures));
            AtomicLong verified = new AtomicLong();
            try (ExecutorService pool = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
                List<Future<?>> checks = new ArrayList<>();
                for (UUID id : List.copyOf(done)) {
                    checks.add(pool.submit(() -> {
                        String problem = api.problemWith(id);
                        if (problem == null) {
                            verified.incrementAndGet();
                        } else {
                            problems.add(problem);
                        }
                        return null;
                    }));
                }
                for (Future<?> check : checks) {
                    check.get();
                }
            }
            return new Result(shape, asked, started.get(), inWindow.get(), seconds, errors.get(), verified.get(),
                    List.copyOf(problems), caseMillis);
        }
    }
}
