package dev.ordo.stack;

import static dev.ordo.stack.WorkflowBodies.step;
import static dev.ordo.stack.WorkflowBodies.workflow;
import static dev.ordo.stack.WorkspaceApi.list;
import static dev.ordo.stack.WorkspaceApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retry continues the same execution from the step that failed: the steps before it are not run
 * again (their handlers are not invoked again, they keep one attempt each), the failed step gets
 * the earlier step's output (or the input given for it) and its next attempt number, and the
 * execution completes. A rerun is a new execution with the same inputs.
 */
class RetryAndRerunIT {

    private static WorkspaceApi api;
    private static CountingUpstream upstream;
    private static String workflowId;

    /** fetch and enrich call the counting upstream; charge fails on its first attempt only, with no retries. */
    @BeforeAll
    static void aWorkflowWhoseThirdStepFailsOnce() {
        api = WorkspaceApi.fresh();
        upstream = CountingUpstream.start();
        workflowId = api.createWorkflow(workflow("retried", List.of(
                step("fetch", 1, List.of(), Map.of("processing_type", "http", "url", upstream.url("/one?run=${run}"))),
                step("enrich", 2, List.of("fetch"),
                        Map.of("processing_type", "http", "url", upstream.url("/two?run=${run}"))),
                step("charge", 3, List.of("enrich"), Map.of("processing_type", "flaky", "fail_times", 1))),
                List.of(Map.of("name", "run", "data_type", "string", "is_required", true))));
    }

    @AfterAll
    static void stopTheUpstream() {
        upstream.close();
    }

    @Test
    void a_retry_runs_only_the_failed_step_again_with_the_earlier_output_and_completes() {
        String run = "r-" + UUID.randomUUID();
        String executionId = api.execute(workflowId, Map.of("run", run));
        Map<String, Object> failed = api.awaitStatus(executionId, "failed");
        assertThat(steps(failed).get("charge")).containsEntry("status", "failed").containsEntry("retry_count", 0);

        WorkspaceApi.Response retry = api.post("/api/workflows/executions/" + executionId + "/retry", null);

        assertThat(retry.status()).as(retry.text()).isEqualTo(202);
        assertThat(retry.json()).isEqualTo(Map.of("status", "retrying", "execution_id", executionId, "message",
                retry.json().get("message")));
        Map<String, Object> done = api.awaitStatus(executionId, "completed");
        assertThat(upstream.hits("/one?run=" + run)).isEqualTo(1);
        assertThat(upstream.hits("/two?run=" + run)).isEqualTo(1);
        assertThat(ReadModelRows.attempts(executionId, "fetch")).hasSize(1);
        assertThat(ReadModelRows.attempts(executionId, "enrich")).hasSize(1);
        assertThat(ReadModelRows.attempts(executionId, "charge")).extracting(ReadModelRows.Attempt::status)
                .containsExactly("failed", "completed");
        Map<String, Map<String, Object>> steps = steps(done);
        Map<String, Object> enriched = map(steps.get("enrich").get("output_data"));
        assertThat(map(enriched.get("body"))).containsEntry("path", "/two");
        assertThat(steps.get("charge")).containsEntry("input_data", enriched).containsEntry("retry_count", 1);
        Map<String, Object> charged = new LinkedHashMap<>(enriched);
        charged.put("attempt", 2);
        assertThat(steps.get("charge")).containsEntry("output_data", charged);
        assertThat(eventTypes(executionId)).containsSubsequence("ExecutionFailed", "ExecutionRetried",
                "StepScheduled", "ExecutionCompleted");
    }

    @Test
    void a_retry_with_step_inputs_gives_the_failed_step_that_input() {
        String executionId = api.execute(workflowId, Map.of("run", "r-" + UUID.randomUUID()));
        api.awaitStatus(executionId, "failed");

        WorkspaceApi.Response retry = api.post("/api/workflows/executions/" + executionId + "/retry",
                Map.of("step_inputs", Map.of("charge", Map.of("amount", 5, "currency", "EUR"))));

        assertThat(retry.status()).as(retry.text()).isEqualTo(202);
        Map<String, Map<String, Object>> steps = steps(api.awaitStatus(executionId, "completed"));
        assertThat(steps.get("charge")).containsEntry("input_data", Map.of("amount", 5, "currency", "EUR"))
                .containsEntry("output_data", Map.of("amount", 5, "currency", "EUR", "attempt", 2));
    }

    @Test
    void a_completed_execution_cannot_be_retried() {
        String executionId = api.execute(workflowId, Map.of("run", "r-" + UUID.randomUUID()));
        api.awaitStatus(executionId, "failed");
        api.post("/api/workflows/executions/" + executionId + "/retry", null);
        api.awaitStatus(executionId, "completed");

        WorkspaceApi.Response again = api.post("/api/workflows/executions/" + executionId + "/retry", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json()).isEqualTo(Map.of("detail",
                "Only a failed or timed-out execution can be retried, but execution " + executionId + " is completed"));
    }

    @Test
    void a_rerun_is_a_new_execution_that_completes_with_the_same_inputs() {
        String chain = api.createWorkflow(workflow("rerun", WorkflowBodies.chain("a", "b"), List.of()));
        String original = api.execute(chain, Map.of("n", 5));
        Map<String, Object> first = api.awaitStatus(original, "completed");

        WorkspaceApi.Response rerun = api.post("/api/workflows/executions/" + original + "/rerun", null);

        assertThat(rerun.status()).as(rerun.text()).isEqualTo(202);
        assertThat(rerun.json()).containsEntry("status", "submitted").containsEntry("rerun_of", original)
                .containsEntry("workflow_id", chain);
        String again = (String) rerun.json().get("execution_id");
        Map<String, Object> second = api.awaitStatus(again, "completed");
        assertThat(again).isNotEqualTo(original);
        assertThat(second).containsEntry("input_variables", Map.of("n", 5)).containsEntry("execution_number", 2)
                .containsEntry("metadata", Map.of("rerun_of", original))
                .containsEntry("results", first.get("results"));
    }

    private static Map<String, Map<String, Object>> steps(Map<String, Object> detail) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        list(detail.get("step_executions")).forEach(step -> byName.put((String) step.get("step_name"), step));
        return byName;
    }

    private static List<Object> eventTypes(String executionId) {
        return list(api.get("/api/workflows/executions/" + executionId + "/events?limit=1000").json().get("items"))
                .stream().map(event -> event.get("type")).toList();
    }
}
