package dk.visitation.workflow;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobWorkerThreadsTest {

    @Inject
    CamundaClient client;

    @Inject
    Meeting meeting;

    @Test
    void jobs_of_two_cases_run_at_the_same_time_on_the_workers_threads() {
        client.newDeployResourceCommand()
                .addProcessModel(Bpmn.createExecutableProcess("worker-threads-probe").startEvent()
                        .serviceTask("meet", t -> t.zeebeJobType(Meeting.TYPE)).endEvent().done(), "worker-threads-probe.bpmn")
                .send().join();
        String run = UUID.randomUUID().toString();
        meeting.expect(run, 2);
        for (int i = 0; i < 2; i++) {
            client.newCreateInstanceCommand().bpmnProcessId("worker-threads-probe").latestVersion()
                    .variables(Map.of("run", run, "caseId", UUID.randomUUID().toString())).send().join();
        }
        // each job waits, on its handler thread, until the other has started: with one thread the first would time out
        await().atMost(Duration.ofSeconds(60)).until(() -> meeting.met(run) == 2);
    }

    /** A job handler for the probe only: each job waits until the expected number of jobs of its run are in a handler. */
    @ApplicationScoped
    static class Meeting implements JobHandler {
        static final String TYPE = "workflow-test.meet";
        private final Map<String, CountDownLatch> arrived = new ConcurrentHashMap<>();
        private final Set<String> met = ConcurrentHashMap.newKeySet();

        void expect(String run, int jobs) {
            arrived.put(run, new CountDownLatch(jobs));
        }

        long met(String run) {
            return met.stream().filter(m -> m.startsWith(run)).count();
        }

        @Override
        public String jobType() {
            return TYPE;
        }

        @Override
        public Map<String, Object> handle(ActivatedJob job) throws InterruptedException {
            String run = (String) job.getVariable("run");
            CountDownLatch latch = arrived.get(run);
            latch.countDown();
            if (latch.await(30, TimeUnit.SECONDS)) {
                met.add(run + ":" + job.getKey());
            }
            return Map.of();
        }
    }
}
