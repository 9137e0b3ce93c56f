package dev.ordo.stack;

import static dev.ordo.stack.WorkflowBodies.step;
import static dev.ordo.stack.WorkflowBodies.workflow;
import static dev.ordo.stack.WorkspaceApi.list;
import static dev.ordo.stack.WorkspaceApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every execution query route of the contract against the whole system, with exactly the
 * contract's field lists: detail, list, timeline, metrics, stats, events and state; an accepted
 * execution is never 404; another workspace's objects are 404 on every route.
 */
class ExecutionQueriesIT {

    private static WorkspaceApi api;
    private static String workflowId;
    private static String executionId;

    /** A workflow whose second step fails for good, so the third never starts. */
    @BeforeAll
    static void aFailedExecution() {
        api = WorkspaceApi.fresh();
        workflowId = api.createWorkflow(workflow("queried", List.of(
                step("prepare", 1, List.of(), Map.of("processing_type", "default")),
                step("charge", 2, List.of("prepare"), Map.of("processing_type", "flaky", "retryable", false)),
                step("ship", 3, List.of("charge"), Map.of("processing_type", "default"))), List.of()));
        executionId = api.execute(workflowId, Map.of("order", 42));
        api.awaitStatus(executionId, "failed");
    }

    @Test
    void an_execution_is_never_404_right_after_submit() {
        String fresh = api.execute(workflowId, Map.of("order", 43));

        WorkspaceApi.Response detail = api.get("/api/workflows/executions/" + fresh);

        assertThat(detail.status()).as(detail.text()).isEqualTo(200);
        assertThat(detail.json()).containsOnlyKeys(ContractFields.EXECUTION);
        assertThat(detail.json().get("status")).isIn("pending", "running", "failed");
        assertThat(list(detail.json().get("step_executions"))).hasSize(3);
        api.awaitStatus(fresh, "failed");
    }

    @Test
    void the_detail_has_the_contracts_fields_the_definition_and_every_step() {
        Map<String, Object> detail = api.get("/api/workflows/executions/" + executionId).json();

        assertThat(detail).containsOnlyKeys(ContractFields.EXECUTION).containsEntry("workflow_id", workflowId)
                .containsEntry("input_variables", Map.of("order", 42)).containsEntry("error_message",
                        "Step 'charge' failed: injected failure on attempt 1")
                .containsEntry("error_details", Map.of("failed_step", "charge"));
        assertThat(map(detail.get("definition"))).containsKeys("steps", "timeout_seconds", "max_retries", "config");
        List<Map<String, Object>> steps = list(detail.get("step_executions"));
        assertThat(steps).allSatisfy(step -> assertThat(step).containsOnlyKeys(ContractFields.STEP_EXECUTION));
        assertThat(steps).extracting(step -> step.get("step_name"), step -> step.get("status")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("prepare", "completed"),
                org.assertj.core.groups.Tuple.tuple("charge", "failed"),
                org.assertj.core.groups.Tuple.tuple("ship", "cancelled"));
        assertThat(steps.get(0)).containsEntry("output_data", Map.of("order", 42));
        assertThat(steps.get(1)).containsEntry("input_data", Map.of("order", 42))
                .containsEntry("error_message", "injected failure on attempt 1");
    }

    @Test
    void the_list_has_items_total_skip_limit_and_filters_by_status() {
        WorkspaceApi.Response page = api.get("/api/workflows/" + workflowId + "/executions?status=failed&limit=100");

        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.json()).containsOnlyKeys("items", "total", "skip", "limit");
        List<Map<String, Object>> items = list(page.json().get("items"));
        assertThat(items).extracting(item -> item.get("id")).contains(executionId);
        assertThat(items).allSatisfy(item -> assertThat(item).containsOnlyKeys(ContractFields.EXECUTION.stream()
                .filter(key -> !key.equals("definition") && !key.equals("step_executions")).toList())
                .containsEntry("status", "failed"));
        assertThat(api.get("/api/workflows/" + workflowId + "/executions?status=nope").json())
                .isEqualTo(Map.of("detail", "Invalid status: nope"));
    }

    @Test
    void the_timeline_lists_every_step_also_the_one_never_started() {
        Map<String, Object> timeline = api.get("/api/workflows/executions/" + executionId + "/timeline").json();

        assertThat(timeline).containsOnlyKeys(ContractFields.TIMELINE).containsEntry("step_count", 3)
                .containsEntry("completed_step_count", 1).containsEntry("failed_step_count", 1);
        List<Map<String, Object>> steps = list(timeline.get("step_timeline"));
        assertThat(steps).allSatisfy(step -> assertThat(step).containsOnlyKeys(ContractFields.STEP_TIMELINE));
        assertThat(steps.get(2)).containsEntry("step_name", "ship").containsEntry("status", "cancelled")
                .containsEntry("attempts", List.of());
        Map<String, Object> attempt = list(steps.get(1).get("attempts")).get(0);
        assertThat(attempt).containsOnlyKeys("attempt", "status", "scheduled_at", "started_at", "completed_at",
                "duration_seconds", "retry_due_at", "error_message", "worker_id").containsEntry("status", "failed");
        assertThat((Double) attempt.get("duration_seconds")).isNotNegative();
    }

    @Test
    void metrics_stats_events_and_state_have_the_contracts_fields() {
        assertThat(api.get("/api/workflows/" + workflowId + "/metrics").json())
                .containsOnlyKeys(ContractFields.METRICS);
        Map<String, Object> stats = api.get("/api/workflows/executions/stats").json();
        assertThat(stats).containsOnlyKeys(ContractFields.STATS);
        assertThat(map(stats.get("status_counts"))).containsOnlyKeys(ContractFields.STATUSES);
        assertThat(map(stats.get("workflow_engine_stats"))).containsOnlyKeys(ContractFields.ENGINE_STATS);
        Map<String, Object> events = api.get("/api/workflows/executions/" + executionId + "/events").json();
        assertThat(events).containsOnlyKeys("execution_id", "items", "after_sequence", "limit", "next_after_sequence",
                "has_more");
        assertThat(list(events.get("items"))).allSatisfy(event -> assertThat(event)
                .containsOnlyKeys("sequence", "occurred_at", "type", "data"));
        assertThat(list(events.get("items")).get(0)).containsEntry("sequence", 1)
                .containsEntry("type", "ExecutionStarted");
        assertThat(api.get("/api/workflows/executions/" + executionId + "/state?at_sequence=1").json())
                .containsOnlyKeys(ContractFields.EXECUTION).containsEntry("status", "running");
    }

    @Test
    void another_workspace_gets_404_on_every_route() {
        WorkspaceApi other = WorkspaceApi.fresh();
        Map<String, Object> noExecution = Map.of("detail", "Execution not found");
        Map<String, Object> noWorkflow = Map.of("detail", "Workflow not found");

        for (String route : List.of("", "/status", "/timeline", "/events", "/state", "/state?at_sequence=1")) {
            WorkspaceApi.Response answer = other.get("/api/workflows/executions/" + executionId + route);
            assertThat(answer.status()).as(route).isEqualTo(404);
            assertThat(answer.json()).as(route).isEqualTo(noExecution);
        }
        for (String command : List.of("/cancel", "/retry", "/rerun")) {
            assertThat(other.post("/api/workflows/executions/" + executionId + command, null).json()).as(command)
                    .isEqualTo(noExecution);
        }
        assertThat(other.get("/api/workflows/" + workflowId + "/executions").json()).isEqualTo(noWorkflow);
        assertThat(other.get("/api/workflows/" + workflowId + "/metrics").json()).isEqualTo(noWorkflow);
        assertThat(other.get("/api/workflows/executions/stats").json()).containsEntry("total_executions", 0);
    }
}
