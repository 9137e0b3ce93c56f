package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An {@code agent} step that requires a capability waits, queued in its capability's task topic,
 * while only workers without it run; it runs on the first worker that declares it.
 */
class CapabilityRoutingIT {

    private static ApiClient api;
    private static final ExtraWorkers workers = new ExtraWorkers();

    @BeforeAll
    static void startTheSystem() {
        api = new ApiClient(RunningStack.services().apiPort());
    }

    @AfterAll
    static void stopTheExtraWorkers() {
        workers.close();
    }

    @Test
    void an_agent_step_needing_a_gpu_stays_queued_until_a_worker_with_a_gpu_starts_and_then_completes_there() {
        String executionId = execute("{\"name\": \"render " + UUID.randomUUID() + "\", \"timeout_seconds\": 300,"
                + " \"steps\": [{\"name\": \"render\", \"step_type\": \"agent\", \"step_order\": 1, \"config\":"
                + " {\"processing_type\": \"default\", \"required_capabilities\": [\"gpu\"]}}]}");

        await().atMost(Duration.ofSeconds(30)).until(() -> stepStatus(executionId).equals("queued"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> stepStatus(executionId).equals("queued"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(queuedByCapabilities()).as("stats while no gpu worker runs")
                        .hasEntrySatisfying("gpu", queued -> assertThat(((Number) queued).longValue()).isPositive()));

        workers.start("gpu-worker", Map.of("ordo.worker.capabilities", "gpu"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(executionId).get("status"), "completed"::equals);
        assertThat(EventLog.of(executionId)).filteredOn(StepStarted.class::isInstance)
                .extracting(event -> ((StepStarted) event).workerId()).containsExactly("gpu-worker");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> queuedByCapabilities() {
        Map<String, Object> engine = (Map<String, Object>) api.get("/api/workflows/executions/stats").body()
                .get("workflow_engine_stats");
        Object queued = engine.get("queued_tasks_by_capabilities");
        return queued == null ? Map.of() : (Map<String, Object>) queued;
    }

    private static String execute(String workflowJson) {
        ApiClient.Response created = api.post("/api/workflows/", workflowJson);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        ApiClient.Response submitted = api.post("/api/workflows/" + created.body().get("id") + "/execute",
                "{\"input_variables\": {}}");
        assertThat(submitted.status()).as("execute: %s", submitted.body()).isEqualTo(202);
        return (String) submitted.body().get("execution_id");
    }

    private static Map<String, Object> status(String executionId) {
        return api.get("/api/workflows/executions/" + executionId + "/status").body();
    }

    private static String stepStatus(String executionId) {
        java.util.List<Object> render = ReadModelRows.steps(executionId).get("render");
        return render == null ? "" : String.valueOf(render.get(0));
    }
}
