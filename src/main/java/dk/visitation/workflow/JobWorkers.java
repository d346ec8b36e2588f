package dk.visitation.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Opens one job worker per {@link JobHandler} and completes each job explicitly. */
@ApplicationScoped
public class JobWorkers {

    private static final Logger LOG = Logger.getLogger(JobWorkers.class);
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(10);

    private final CamundaClient client;
    private final EngineSettings settings;
    private final Instance<JobHandler> handlers;

    private final List<JobWorker> open = new ArrayList<>();
    private final Set<String> loseNextCompletion = ConcurrentHashMap.newKeySet();
    /** Answers not yet back from the engine: bounded, so a busy engine slows the handlers instead of timing out. */
    private final Semaphore unanswered;

    JobWorkers(CamundaClient client, EngineSettings settings, Instance<JobHandler> handlers) {
        this.client = client;
        this.settings = settings;
        this.handlers = handlers;
        this.unanswered = new Semaphore(settings.unansweredCommands());
    }

    synchronized void open() {
        if (!open.isEmpty()) {
            return;
        }
        Set<String> types = new HashSet<>();
        for (JobHandler handler : handlers) {
            if (!types.add(handler.jobType())) {
                throw new IllegalStateException("Two handlers for job type " + handler.jobType());
            }
            var worker = client.newWorker()
                    .jobType(handler.jobType())
                    .handler((jobClient, job) -> runOnce(handler, jobClient, job))
                    .name("visitation-" + handler.jobType());
            handler.timeout().ifPresent(worker::timeout);
            open.add(worker.open());
        }
        LOG.infof("Job workers open for %s", types);
    }

    void close(@Observes ShutdownEvent event) {
        close();
    }

    synchronized void close() {
        List<JobWorker> closing = List.copyOf(open);
        open.clear();
        BoundedClose.within(CLOSE_LIMIT, "job-workers", () -> closing.forEach(JobWorker::close));
    }

    /**
     * Fault injection for the redelivery tests: the next job of this type does its work and commits, and its
     * completion is then lost, as when a worker dies right after its commit. The engine hands the same job out
     * again after its timeout. Never used by the service itself.
     */
    public void loseNextCompletion(String jobType) {
        loseNextCompletion.add(jobType);
    }

    /** Whether a completion of this type is still to be lost: false once a job of it did its work and lost it. */
    public boolean losesNextCompletion(String jobType) {
        return loseNextCompletion.contains(jobType);
    }

    private void runOnce(JobHandler handler, JobClient jobClient, ActivatedJob job) {
        Map<String, Object> variables;
        try {
            variables = handler.handle(job);
        } catch (JobHandler.BpmnError error) {
            sent(job, "error", () -> jobClient.newThrowErrorCommand(job).errorCode(error.code()).errorMessage(error.getMessage()).send());
            return;
        } catch (Exception e) {
            // technical failure: the engine hands the job out again; at zero retries it raises an incident
            LOG.warnf("Job %s (%s) failed: %s", job.getKey(), job.getType(), e.toString());
            sent(job, "failure", () -> jobClient.newFailCommand(job)
                    .retries(Math.max(job.getRetries() - 1, 0))
                    .retryBackoff(settings.retryBackoff())
                    .errorMessage(String.valueOf(e))
                    .send());
            return;
        }
        if (loseNextCompletion.remove(job.getType())) {
            LOG.warnf("Fault injection: job %s (%s) did its work, its completion is lost", job.getKey(), job.getType());
            return;
        }
        if (variables != JobHandler.LEAVE_OPEN) {
            sent(job, "completion", () -> jobClient.newCompleteCommand(job).variables(variables).send());
        }
    }

    /**
     * The handler thread does not wait for the engine's answer: the work is committed, and a command the engine
     * never receives only means the job comes again after its timeout, which the handlers' ledger makes harmless.
     * It waits only when the engine has {@code unanswered-commands} of them still to answer.
     */
    private void sent(ActivatedJob job, String what, Supplier<CompletionStage<?>> send) {
        unanswered.acquireUninterruptibly();
        send.get().whenComplete((ok, failure) -> {
            unanswered.release();
            if (failure != null) {
                LOG.warnf("The %s of job %s (%s) did not reach the engine (it comes again after its timeout): %s", what,
                        job.getKey(), job.getType(), failure.toString());
            }
        });
    }
}
