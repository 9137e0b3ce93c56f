package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several worker instances in one group: they share a fan-out, each step's outcome recorded once;
 * and a worker stopped mid-step leaves its task uncommitted, so another worker runs it and the
 * execution completes, with the engine's attempt fencing keeping one outcome.
 */
class WorkerInstancesIT {

    private static ApiClient api;
    private final ExtraWorkers workers = new ExtraWorkers();

    @BeforeAll
    static void startTheSystem() {
        api = new ApiClient(RunningStack.services().apiPort());
    }

    @AfterEach
    void stopTheExtraWorkers() {
        workers.close();
    }

    @Test
    void three_workers_share_a_60_step_fan_out_every_step_completes_once_and_each_worker_runs_some() {
        List<ConfigurableApplicationContext> extra = List.of(workers.start("worker-b", Map.of()),
                workers.start("worker-c", Map.of()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(assignedPartitions(RunningStack.services().workerPort())).isPositive();
            for (ConfigurableApplicationContext worker : extra) {
                assertThat(assignedPartitions(port(worker))).isPositive();
            }
        });
        List<String> steps = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            steps.add("{\"name\": \"s" + i + "\", \"step_type\": \"task\", \"step_order\": 1, \"config\":"
                    + " {\"processing_type\": \"sleep\", \"millis\": 50}}");
        }
        String executionId = execute("{\"name\": \"fan-out " + UUID.randomUUID() + "\", \"timeout_seconds\": 300,"
                + " \"steps\": [" + String.join(",", steps) + "]}");

        awaitStatus(executionId, "completed");
        List<ExecutionEvent> log = EventLog.of(executionId);
        Map<String, Long> successes = log.stream().filter(StepSucceeded.class::isInstance)
                .collect(Collectors.groupingBy(event -> ((StepSucceeded) event).stepName(), Collectors.counting()));
        assertThat(successes).hasSize(60).allSatisfy((step, count) -> assertThat(count).as(step).isEqualTo(1));
        assertThat(outcomesPerAttempt(log)).allSatisfy((attempt, count) -> assertThat(count).as(attempt).isEqualTo(1));
        assertThat(log.stream().filter(StepStarted.class::isInstance).map(event -> ((StepStarted) event).workerId())
                .distinct()).hasSize(3).contains("worker-b", "worker-c");
    }

    @Test
    void a_worker_stopped_mid_step_leaves_its_task_to_another_worker_and_the_execution_completes_once() {
        workers.start("doomed", Map.of("ordo.worker.capabilities", "longhaul", "ordo.worker.shutdown-grace", "200ms"));
        String executionId = execute("{\"name\": \"long haul " + UUID.randomUUID() + "\", \"timeout_seconds\": 300,"
                + " \"steps\": [{\"name\": \"haul\", \"step_type\": \"agent\", \"step_order\": 1, \"config\":"
                + " {\"processing_type\": \"sleep\", \"seconds\": 4, \"required_capabilities\": [\"longhaul\"]}}]}");
        await().atMost(Duration.ofSeconds(60)).until(() -> EventLog.of(executionId).stream()
                .anyMatch(event -> event instanceof StepStarted started && started.workerId().equals("doomed")));

        workers.close();
        workers.start("rescuer", Map.of("ordo.worker.capabilities", "longhaul"));

        awaitStatus(executionId, "completed");
        List<ExecutionEvent> log = EventLog.of(executionId);
        assertThat(log).filteredOn(StepSucceeded.class::isInstance).singleElement()
                .isEqualTo(new StepSucceeded("haul", 1, Map.of("slept_ms", 4000)));
        assertThat(log).filteredOn(StepStarted.class::isInstance).extracting(event -> ((StepStarted) event).workerId())
                .containsExactly("doomed");
        assertThat(outcomesPerAttempt(log)).containsExactly(Map.entry("haul#1", 1L));
        assertThat(log).filteredOn(CommandRejected.class::isInstance).extracting(event -> ((CommandRejected) event).reason())
                .anyMatch(reason -> reason.contains("already running"));
    }

    /** How many outcomes (success, failure, timeout) each attempt recorded, by {@code step#attempt}. */
    private static Map<String, Long> outcomesPerAttempt(List<ExecutionEvent> log) {
        Function<ExecutionEvent, String> attempt = event -> event instanceof StepSucceeded e ? e.stepName() + "#" + e.attempt()
                : event instanceof StepFailed e ? e.stepName() + "#" + e.attempt()
                : ((StepTimedOut) event).stepName() + "#" + ((StepTimedOut) event).attempt();
        return log.stream().filter(event -> event instanceof StepSucceeded || event instanceof StepFailed
                        || event instanceof StepTimedOut)
                .collect(Collectors.groupingBy(attempt, Collectors.counting()));
    }

    @SuppressWarnings("unchecked")
    private static int assignedPartitions(int workerPort) {
        Map<String, Object> health = new ApiClient(workerPort).get("/actuator/health").body();
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        Map<String, Object> consumer = (Map<String, Object>) components.get("taskConsumer");
        Map<String, Object> details = (Map<String, Object>) consumer.get("details");
        return ((Number) details.getOrDefault("assigned_partitions", 0)).intValue();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String execute(String workflowJson) {
        ApiClient.Response created = api.post("/api/workflows/", workflowJson);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        ApiClient.Response submitted = api.post("/api/workflows/" + created.body().get("id") + "/execute",
                "{\"input_variables\": {}}");
        assertThat(submitted.status()).as("execute: %s", submitted.body()).isEqualTo(202);
        return (String) submitted.body().get("execution_id");
    }

    private static void awaitStatus(String executionId, String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(
                () -> api.get("/api/workflows/executions/" + executionId + "/status").body().get("status"), status::equals);
    }
}
