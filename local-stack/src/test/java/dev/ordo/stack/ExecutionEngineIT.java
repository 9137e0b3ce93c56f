package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine through the HTTP API on the real broker and database: fan-out and fan-in, retries
 * with backoff, step timeouts, cancel, and the workflow timeout. Backoffs and timeouts are short.
 */
class ExecutionEngineIT {

    private static ApiClient api;

    @BeforeAll
    static void startTheSystem() {
        api = new ApiClient(RunningStack.services().apiPort());
    }

    @Test
    void a_diamond_fans_out_and_joins_both_branches() {
        String executionId = execute(workflow("diamond", 60, 0, Map.of(),
                step("split", List.of(), "{\"processing_type\": \"default\"}"),
                step("left", List.of("split"), "{\"processing_type\": \"data_transformation\", \"mapping\": {\"l\": \"n\"}}"),
                step("right", List.of("split"), "{\"processing_type\": \"data_transformation\", \"mapping\": {\"r\": \"n\"}}"),
                step("join", List.of("left", "right"), "{\"processing_type\": \"default\"}")), "{\"n\": 7}");

        Map<String, Object> done = awaitStatus(executionId, "completed");
        assertThat(done).containsEntry("completed_steps", 4);
        assertThat(outputs(done).get("join")).isEqualTo(Map.of("l", 7, "r", 7));
    }

    @Test
    void a_step_that_fails_twice_then_succeeds_is_retried_with_growing_backoff() {
        String executionId = execute(workflow("flaky twice", 60, 3,
                        Map.of("retry_policy", "{\"initial_delay_ms\": 300, \"multiplier\": 2, \"jitter\": 0}"),
                step("charge", List.of(), "{\"processing_type\": \"flaky\", \"fail_times\": 2}")), "{}");

        awaitStatus(executionId, "completed");
        assertThat(ReadModelRows.steps(executionId)).containsEntry("charge", List.of("completed", 2));
        List<ReadModelRows.Attempt> attempts = ReadModelRows.attempts(executionId, "charge");
        assertThat(attempts).extracting(ReadModelRows.Attempt::status).containsExactly("failed", "failed", "completed");
        assertThat(gap(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(gap(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(attempts.get(0).retryDueAt()).isEqualTo(attempts.get(0).completedAt().plusMillis(300));
    }

    @Test
    void an_attempt_that_times_out_is_retried_and_the_late_report_changes_nothing() {
        String executionId = execute(workflow("stuck once", 60, 2,
                        Map.of("retry_policy", "{\"initial_delay_ms\": 100, \"jitter\": 0}"),
                stepWithTimeout("fetch", 1, "{\"processing_type\": \"flaky\", \"fail_times\": 1, \"hang_ms\": 1500}")),
                "{}");

        awaitStatus(executionId, "completed");
        assertThat(ReadModelRows.steps(executionId)).containsEntry("fetch", List.of("completed", 1));
        assertThat(ReadModelRows.attempts(executionId, "fetch")).extracting(ReadModelRows.Attempt::status)
                .containsExactly("timeout", "completed");
    }

    @Test
    void a_running_execution_is_cancelled_on_request_and_cannot_be_cancelled_twice() {
        String executionId = execute(workflow("long wait", 300, 0, Map.of(),
                step("wait", List.of(), "{\"processing_type\": \"delay\", \"delay_ms\": 60000}"),
                step("after", List.of("wait"), "{}")), "{}");
        awaitStatus(executionId, "running");

        ApiClient.Response accepted = api.post("/api/workflows/executions/" + executionId + "/cancel", "");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body()).containsEntry("status", "cancelling").containsEntry("execution_id", executionId)
                .containsKey("message");

        Map<String, Object> cancelled = awaitStatus(executionId, "cancelled");
        assertThat(statuses(cancelled)).isEqualTo(Map.of("wait", "cancelled", "after", "cancelled"));
        assertThat(api.post("/api/workflows/executions/" + executionId + "/cancel", "").status()).isEqualTo(409);
    }

    @Test
    void cancelling_an_unknown_execution_is_404() {
        ApiClient.Response missing = api.post("/api/workflows/executions/" + UUID.randomUUID() + "/cancel", "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo(Map.of("detail", "Execution not found"));
    }

    @Test
    void the_workflow_timeout_ends_the_execution_with_status_timeout() {
        String executionId = execute(workflow("too slow", 1, 0, Map.of(),
                step("wait", List.of(), "{\"processing_type\": \"delay\", \"delay_ms\": 60000}"),
                step("after", List.of("wait"), "{}")), "{}");

        Map<String, Object> timedOut = awaitStatus(executionId, "timeout");
        assertThat(timedOut.get("error_message")).isEqualTo("Execution exceeded its timeout of 1s");
        assertThat(statuses(timedOut)).isEqualTo(Map.of("wait", "timeout", "after", "cancelled"));
    }

    // ---------------------------------------------------------------------------------------------

    private static String execute(String workflowJson, String inputs) {
        ApiClient.Response created = api.post("/api/workflows/", workflowJson);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        ApiClient.Response submitted = api.post("/api/workflows/" + created.body().get("id") + "/execute",
                "{\"input_variables\": " + inputs + "}");
        assertThat(submitted.status()).as("execute: %s", submitted.body()).isEqualTo(202);
        return (String) submitted.body().get("execution_id");
    }

    private static Map<String, Object> awaitStatus(String executionId, String status) {
        String path = "/api/workflows/executions/" + executionId + "/status";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path).body().get("status"), status::equals);
        return api.get(path).body();
    }

    private static String workflow(String name, int timeoutSeconds, int maxRetries, Map<String, String> config,
                                   String... steps) {
        StringBuilder configJson = new StringBuilder("{");
        config.forEach((key, json) -> configJson.append(configJson.length() > 1 ? "," : "")
                .append('"').append(key).append("\": ").append(json));
        return "{\"name\": \"" + name + " " + UUID.randomUUID() + "\", \"timeout_seconds\": " + timeoutSeconds
                + ", \"max_retries\": " + maxRetries + ", \"config\": " + configJson.append('}')
                + ", \"steps\": [" + String.join(",", steps) + "]}";
    }

    private static String step(String name, List<String> dependsOn, String config) {
        String deps = dependsOn.stream().map(d -> "\"" + d + "\"").reduce((a, b) -> a + "," + b).orElse("");
        return "{\"name\": \"" + name + "\", \"step_type\": \"task\", \"step_order\": " + (dependsOn.isEmpty() ? 1 : 2)
                + ", \"depends_on_steps\": [" + deps + "], \"config\": " + config + "}";
    }

    private static String stepWithTimeout(String name, int timeoutSeconds, String config) {
        return "{\"name\": \"" + name + "\", \"step_type\": \"task\", \"step_order\": 1, \"timeout_seconds\": "
                + timeoutSeconds + ", \"config\": " + config + "}";
    }

    private static Duration gap(ReadModelRows.Attempt earlier, ReadModelRows.Attempt later) {
        return Duration.between(earlier.completedAt(), later.scheduledAt());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputs(Map<String, Object> status) {
        return (Map<String, Object>) ((Map<String, Object>) status.get("results")).get("step_outputs");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statuses(Map<String, Object> status) {
        return (Map<String, Object>) ((Map<String, Object>) status.get("results")).get("step_statuses");
    }
}
