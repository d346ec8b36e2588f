package dk.visitation.workflow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobLockTest {

    /** Threads of the test's own: the common pool has one thread on this machine's two cores. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    @Test
    void a_second_job_of_the_same_case_waits_until_the_first_has_committed() throws Exception {
        UUID caseId = UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holding(caseId, release);
        await().atMost(Duration.ofSeconds(20)).until(() -> advisoryLocks(true) >= 1);

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> JobLock.hold(caseId)), THREADS);
        await().atMost(Duration.ofSeconds(20)).until(() -> advisoryLocks(false) >= 1);
        assertFalse(second.isDone(), "the second job is still waiting for the case");

        release.countDown();
        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
    }

    @Test
    void jobs_of_two_cases_hold_their_locks_at_the_same_time() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holding(UUID.randomUUID(), release);
        await().atMost(Duration.ofSeconds(20)).until(() -> advisoryLocks(true) >= 1);

        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> JobLock.hold(UUID.randomUUID())), THREADS);
        other.get(20, TimeUnit.SECONDS);
        assertTrue(other.isDone() && !first.isDone(), "the other case's job ran while the first still held its case");

        release.countDown();
        first.get(20, TimeUnit.SECONDS);
    }

    private static CompletableFuture<Void> holding(UUID id, CountDownLatch release) {
        return CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            JobLock.hold(id);
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }), THREADS);
    }

    private static long advisoryLocks(boolean granted) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from pg_locks where locktype = 'advisory' and granted = :granted")
                .setParameter("granted", granted).getSingleResult()).longValue());
    }
}
