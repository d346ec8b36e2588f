package dk.visitation.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends outbox commands to the engine after their transaction committed, retrying with backoff
 * until acknowledged. A duplicate ({@code ALREADY_EXISTS}) counts as success; a job that no longer
 * exists is recorded as discarded, not retried forever. Several replicas share the table safely:
 * rows are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final CamundaClient client;
    private final EngineSettings settings;
    private final EngineGeneration generation;
    private final Counter published;
    private final Counter failed;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    OutboxPublisher(CamundaClient client, EngineSettings settings, EngineGeneration generation, MeterRegistry registry) {
        this.client = client;
        this.settings = settings;
        this.generation = generation;
        this.published = registry.counter("visitation.outbox.published");
        this.failed = registry.counter("visitation.outbox.failed.attempts");
    }

    /** Starts the publishing loop; called once the models are deployed, so no message finds no process. */
    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-publisher").daemon().start(this::loop);
    }

    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wakeUp.release();
    }

    void stop(@Observes ShutdownEvent event) {
        pause();
    }

    /** Stops the loop after its current round; commands written meanwhile wait in the outbox (shutdown). */
    synchronized void pause() {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(SEND_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(settings.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && publishDue() == settings.outbox().batchSize()) {
                    // a full batch: more are probably waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Outbox round failed; the commands stay pending and are retried", e);
            }
        }
    }

    /** Sends one batch of due commands. Returns how many were attempted. */
    int publishDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxCommand> due = OutboxCommand.getEntityManager()
                    .createNativeQuery("""
                            select * from outbox_command
                            where status = 'PENDING' and next_attempt_at <= now()
                            order by created_at
                            limit :limit
                            for update skip locked""", OutboxCommand.class)
                    .setParameter("limit", settings.outbox().batchSize())
                    .getResultList();
            List<CamundaFuture<?>> sent = new ArrayList<>(due.size());
            String current = generation.current();
            for (OutboxCommand command : due) {
                sent.add(ofAnotherEngine(command, current) ? null : send(command));
            }
            Instant now = Instant.now();
            for (int i = 0; i < due.size(); i++) {
                if (sent.get(i) == null) {
                    // its job key may name another job in this engine: never send it; the rebuilt step's
                    // new job is completed with the same outcome by the task projector
                    discard(due.get(i), now, "job of an engine that is gone");
                } else {
                    settle(due.get(i), sent.get(i), now);
                }
            }
            return due.size();
        });
    }

    private static boolean ofAnotherEngine(OutboxCommand command, String current) {
        return command.jobKey != null && command.engineGeneration != null && !command.engineGeneration.equals(current);
    }

    private CamundaFuture<?> send(OutboxCommand command) {
        settings.outbox().haltBefore().filter(f -> f.equals(command.kind.name()) || f.equals(command.messageName))
                .ifPresent(fault -> {
                    LOG.errorf("Fault injection (halt-before=%s): the service dies before sending command %s", fault, command.id);
                    Runtime.getRuntime().halt(137);
                });
        return switch (command.kind) {
            case PUBLISH_MESSAGE -> client.newPublishMessageCommand()
                    .messageName(command.messageName)
                    .correlationKey(command.correlationKey)
                    .messageId(command.messageId)
                    .timeToLive(settings.messageTimeToLive())
                    .variables(command.variables)
                    .send();
            case COMPLETE_JOB -> client.newCompleteCommand(command.jobKey).variables(command.variables).send();
            case THROW_ERROR -> client.newThrowErrorCommand(command.jobKey)
                    .errorCode(command.errorCode)
                    .variables(command.variables)
                    .send();
        };
    }

    private void settle(OutboxCommand command, CamundaFuture<?> future, Instant now) {
        command.attempts++;
        try {
            future.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            markPublished(command, now, null);
        } catch (ExecutionException e) {
            Status.Code code = statusOf(e.getCause());
            if (code == Status.Code.ALREADY_EXISTS) {
                markPublished(command, now, "already published");
            } else if (code == Status.Code.NOT_FOUND && command.kind != OutboxCommand.Kind.PUBLISH_MESSAGE) {
                discard(command, now, "job not found"); // the job was completed or cancelled meanwhile
            } else {
                retryLater(command, now, e.getCause());
            }
        } catch (TimeoutException e) {
            retryLater(command, now, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryLater(command, now, e);
        }
    }

    private static void discard(OutboxCommand command, Instant now, String reason) {
        command.status = OutboxCommand.Status.DISCARDED;
        command.lastError = reason;
        command.publishedAt = now;
    }

    private void markPublished(OutboxCommand command, Instant now, String note) {
        command.status = OutboxCommand.Status.PUBLISHED;
        command.publishedAt = now;
        command.lastError = note;
        published.increment();
    }

    private void retryLater(OutboxCommand command, Instant now, Throwable cause) {
        failed.increment();
        long factor = 1L << Math.min(command.attempts - 1, 20);
        Duration backoff = settings.outbox().initialBackoff().multipliedBy(factor);
        if (backoff.compareTo(settings.outbox().maxBackoff()) > 0) {
            backoff = settings.outbox().maxBackoff();
        }
        command.nextAttemptAt = now.plus(backoff);
        command.lastError = String.valueOf(cause);
        LOG.debugf("Outbox command %s (%s) failed, attempt %d, next in %s: %s",
                command.id, command.kind, command.attempts, backoff, cause);
    }

    private static Status.Code statusOf(Throwable cause) {
        if (cause instanceof ClientStatusException status) {
            return status.getStatusCode();
        }
        if (cause instanceof ProblemException problem) {
            return switch (problem.code()) {
                case 404 -> Status.Code.NOT_FOUND;
                case 409 -> Status.Code.ALREADY_EXISTS;
                default -> Status.Code.UNKNOWN;
            };
        }
        return Status.fromThrowable(cause).getCode(); // gRPC's own exception, as a future's cause
    }
}
