package dk.visitation.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * HTTP load for the benchmarks (wrk2 is not packaged here). Two shapes:
 * <ul>
 * <li>{@link #fixedRate}: open loop. Request {@code i} is due at {@code start + i / rate} and is sent then,
 * whether or not earlier ones have answered; its latency counts from that intended start, so a stall of
 * the server shows up in every request that should have gone out during it (no coordinated omission).</li>
 * <li>{@link #closedLoop}: {@code connections} callers, each sending its next request when the last one
 * answered: the maximum throughput at that concurrency.</li>
 * </ul>
 */
public final class Load {

    private static final long HIGHEST = TimeUnit.SECONDS.toNanos(120);

    private Load() {
    }

    /** What a run measured; latencies in nanoseconds in {@code latency}. */
    public record Result(String shape, double rateAsked, long requests, long errors, double seconds, Histogram latency) {

        public double throughput() {
            return requests / seconds;
        }

        public double percentileMs(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%s rate=%.0f requests=%d errors=%d throughput=%.0f/s p50=%.2fms p99=%.2fms max=%.2fms",
                    shape, rateAsked, requests, errors, throughput(), percentileMs(50), percentileMs(99),
                    latency.getMaxValue() / 1e6);
        }
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Open loop at {@code rate} requests per second for {@code duration}; an answer outside 2xx/304 is an error. */
    public static Result fixedRate(HttpClient client, Supplier<HttpRequest> requests, double rate, Duration duration)
            throws InterruptedException {
        long total = Math.max(1, (long) (rate * duration.toNanos() / 1e9));
        double periodNanos = 1e9 / rate;
        Histogram latency = new Histogram(HIGHEST, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch answered = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * periodNanos);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = requests.get();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                synchronized (latency) {
                    latency.recordValue(Math.min(now - intended, HIGHEST));
                }
                if (failure != null || !ok(response.statusCode())) {
                    errors.incrementAndGet();
                }
                lastAnswer.accumulateAndGet(now, Math::max);
                answered.countDown();
            });
        }
        if (!answered.await(60, TimeUnit.SECONDS)) {
            errors.addAndGet(answered.getCount()); // never answered: counted as errors, not as fast requests
        }
        double seconds = Math.max(duration.toNanos(), lastAnswer.get() - start) / 1e9;
        return new Result("fixed-rate", rate, total, errors.get(), seconds, latency);
    }

    /** {@code connections} callers in a loop for {@code duration}, each waiting for its answer. */
    public static Result closedLoop(HttpClient client, Supplier<HttpRequest> requests, int connections, Duration duration)
            throws InterruptedException {
        Histogram latency = new Histogram(HIGHEST, 3);
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            callers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(requests.get(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                        if (!ok(status)) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    synchronized (latency) {
                        latency.recordValue(Math.min(System.nanoTime() - sent, HIGHEST));
                    }
                    count.incrementAndGet();
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return new Result("closed-loop c=" + connections, 0, count.get(), errors.get(), (System.nanoTime() - start) / 1e9, latency);
    }

    private static boolean ok(int status) {
        return status / 100 == 2 || status == 304;
    }
}
