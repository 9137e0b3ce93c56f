package dev.ordo.api.executions;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.ContractFields;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The execution detail, list and timeline routes over rows as the projection writes them, and over
 * accepted executions it has not seen yet (engine off: nothing is projected unless the test writes it).
 */
@ApiTest
class ExecutionReadsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestWorkspace workspace;
    private String workflowId;

    @BeforeEach
    void aWorkflowOfThreeSteps() {
        ReadModelFixture.ensureTable(jdbc);
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = workspace.createWorkflow(chain("reads", "a", "b", "c"));
    }

    @Test
    void right_after_submit_the_detail_is_the_pending_execution_with_its_pinned_definition() {
        String executionId = submit(Map.of("x", 1));

        HttpApi.Response detail = workspace.api().get("/api/workflows/executions/" + executionId);

        assertThat(detail.status()).as(detail.text()).isEqualTo(200);
        assertThat(detail.json()).containsOnlyKeys(ContractFields.EXECUTION)
                .containsEntry("id", executionId).containsEntry("workflow_id", workflowId)
                .containsEntry("workflow_version", 1).containsEntry("workspace_id", workspace.id())
                .containsEntry("project_id", workspace.defaultProjectId()).containsEntry("status", "pending")
                .containsEntry("input_variables", Map.of("x", 1)).containsEntry("metadata", Map.of())
                .containsEntry("execution_number", 1);
        List<Map<String, Object>> steps = list(detail.json().get("step_executions"));
        assertThat(steps).extracting(step -> step.get("step_name")).containsExactly("a", "b", "c");
        assertThat(steps).allSatisfy(step -> assertThat(step).containsOnlyKeys(ContractFields.STEP_EXECUTION)
                .containsEntry("status", "pending").containsEntry("execution_id", executionId)
                .containsEntry("retry_count", 0));
        assertThat(steps).extracting(step -> step.get("step_id")).containsExactlyElementsOf(workflowStepIds());
        Map<String, Object> definition = map(detail.json().get("definition"));
        assertThat(list(definition.get("steps"))).extracting(step -> step.get("depends_on_steps"))
                .containsExactly(List.of(), List.of("a"), List.of("b"));
    }

    @Test
    void a_projected_execution_reads_as_the_projection_wrote_it() {
        String executionId = submit(Map.of());
        Instant end = Instant.parse("2026-03-01T10:00:05Z");
        ReadModelFixture.execution(UUID.fromString(executionId), UUID.fromString(workflowId),
                        UUID.fromString(workspace.id()), ReadModelFixture.chainDefinition("a", "b", "c"))
                .ended("failed", end, 2.5, "b broke")
                .step("a", "completed", 1, Map.of("out", 1), null)
                .step("b", "failed", 2, null, "boom")
                .step("c", "cancelled", 0, null, null)
                .write(jdbc);

        Map<String, Object> detail = workspace.api().get("/api/workflows/executions/" + executionId).json();

        assertThat(detail).containsOnlyKeys(ContractFields.EXECUTION).containsEntry("status", "failed")
                .containsEntry("duration", 2.5).containsEntry("error_message", "b broke")
                .containsEntry("completed_at", "2026-03-01T10:00:05Z").containsEntry("execution_number", 1);
        Map<String, Map<String, Object>> byName = byName(list(detail.get("step_executions")), "step_name");
        assertThat(byName.get("a")).containsEntry("status", "completed").containsEntry("output_data", Map.of("out", 1))
                .containsEntry("duration", 1.0).containsEntry("error_details", null);
        assertThat(byName.get("b")).containsEntry("status", "failed").containsEntry("retry_count", 1)
                .containsEntry("error_message", "boom").containsEntry("error_details", Map.of("attempt", 2));
        assertThat(byName.get("c")).containsEntry("status", "cancelled").containsEntry("started_at", null);
        assertThat(byName.get("a").get("id")).isNotEqualTo(byName.get("b").get("id"))
                .isEqualTo(list(workspace.api().get("/api/workflows/executions/" + executionId).json()
                        .get("step_executions")).get(0).get("id"));
    }

    @Test
    void the_timeline_has_every_step_with_its_attempts_and_counts() {
        String executionId = submit(Map.of());
        ReadModelFixture.execution(UUID.fromString(executionId), UUID.fromString(workflowId),
                        UUID.fromString(workspace.id()), ReadModelFixture.chainDefinition("a", "b", "c"))
                .step("a", "completed", 1, Map.of("out", 1), null)
                .step("b", "running", 3, null, null)
                .write(jdbc);

        HttpApi.Response timeline = workspace.api().get("/api/workflows/executions/" + executionId + "/timeline");

        assertThat(timeline.status()).as(timeline.text()).isEqualTo(200);
        assertThat(timeline.json()).containsOnlyKeys(ContractFields.TIMELINE).containsEntry("status", "running")
                .containsEntry("step_count", 3).containsEntry("completed_step_count", 1)
                .containsEntry("failed_step_count", 0).containsEntry("skipped_step_count", 0);
        List<Map<String, Object>> steps = list(timeline.json().get("step_timeline"));
        assertThat(steps).allSatisfy(step -> assertThat(step).containsOnlyKeys(ContractFields.STEP_TIMELINE));
        assertThat(steps).extracting(step -> step.get("step_name"), step -> step.get("step_order"),
                        step -> step.get("status"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1, "completed"),
                        org.assertj.core.groups.Tuple.tuple("b", 2, "running"),
                        org.assertj.core.groups.Tuple.tuple("c", 3, "pending"));
        assertThat(list(steps.get(1).get("attempts"))).extracting(attempt -> attempt.get("attempt"),
                attempt -> attempt.get("status")).containsExactly(org.assertj.core.groups.Tuple.tuple(1, "failed"),
                org.assertj.core.groups.Tuple.tuple(2, "failed"), org.assertj.core.groups.Tuple.tuple(3, "running"));
        assertThat(steps.get(1)).containsEntry("retry_count", 2);
        assertThat(steps.get(2)).containsEntry("attempts", List.of()).containsEntry("input_summary", null);
        assertThat(map(steps.get(0).get("output_summary"))).containsEntry("keys", List.of("out"))
                .containsEntry("key_count", 1).containsEntry("size_bytes", 9);
    }

    @Test
    void the_list_is_newest_first_with_pending_ones_and_filters_by_status() {
        String first = submit(Map.of("n", 1));
        String second = submit(Map.of("n", 2));
        String third = submit(Map.of("n", 3));
        ReadModelFixture.projected(jdbc, first, workflowId, workspace.id(), "completed");
        ReadModelFixture.projected(jdbc, second, workflowId, workspace.id(), "running");
        String path = "/api/workflows/" + workflowId + "/executions";

        HttpApi.Response all = workspace.api().get(path);

        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(all.json()).containsOnlyKeys("items", "total", "skip", "limit").containsEntry("total", 3)
                .containsEntry("skip", 0).containsEntry("limit", 10);
        List<Map<String, Object>> items = list(all.json().get("items"));
        assertThat(items).extracting(item -> item.get("id")).containsExactly(third, second, first);
        assertThat(items).extracting(item -> item.get("status")).containsExactly("pending", "running", "completed");
        assertThat(items.get(0)).containsOnlyKeys(ContractFields.EXECUTION.stream()
                .filter(key -> !key.equals("definition") && !key.equals("step_executions")).toList())
                .containsEntry("execution_number", 3).containsEntry("input_variables", Map.of("n", 3));
        assertThat(ids(workspace.api().get(path + "?status=pending"))).containsExactly(third);
        assertThat(ids(workspace.api().get(path + "?status=completed"))).containsExactly(first);
        assertThat(workspace.api().get(path + "?status=timeout").json()).containsEntry("total", 0);
        assertThat(ids(workspace.api().get(path + "?skip=1&limit=1"))).containsExactly(second);
        assertThat(workspace.api().get(path + "?skip=1&limit=1").json()).containsEntry("total", 3);
    }

    @Test
    void the_list_refuses_an_unknown_status_and_out_of_range_paging() {
        String path = "/api/workflows/" + workflowId + "/executions";

        HttpApi.Response unknown = workspace.api().get(path + "?status=finished");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json()).isEqualTo(Map.of("detail", "Invalid status: finished"));
        assertThat(workspace.api().get(path + "?limit=0").status()).isEqualTo(422);
        assertThat(workspace.api().get(path + "?limit=101").status()).isEqualTo(422);
        assertThat(workspace.api().get(path + "?skip=-1").status()).isEqualTo(422);
        assertThat(workspace.api().get("/api/workflows/" + UUID.randomUUID() + "/executions").json())
                .isEqualTo(Map.of("detail", "Workflow not found"));
    }

    @Test
    void unknown_and_other_workspaces_executions_are_404_on_every_read_route() {
        String executionId = submit(Map.of());
        TestWorkspace other = TestWorkspace.create(new HttpApi(port));
        Map<String, Object> notFound = Map.of("detail", "Execution not found");

        for (String route : List.of("", "/timeline", "/events", "/state")) {
            assertThat(other.api().get("/api/workflows/executions/" + executionId + route).json()).as(route)
                    .isEqualTo(notFound);
            assertThat(workspace.api().get("/api/workflows/executions/" + UUID.randomUUID() + route).json()).as(route)
                    .isEqualTo(notFound);
        }
        assertThat(other.api().get("/api/workflows/" + workflowId + "/executions").json())
                .isEqualTo(Map.of("detail", "Workflow not found"));
        assertThat(other.api().get("/api/workflows/" + workflowId + "/metrics").json())
                .isEqualTo(Map.of("detail", "Workflow not found"));
        assertThat(workspace.api().get("/api/workflows/executions/not-a-uuid").status()).isEqualTo(422);
    }

    @Test
    void a_start_the_engine_refused_has_no_definition_and_no_steps_and_is_listed_as_failed() {
        String executionId = submit(Map.of());
        ReadModelFixture.rejected(jdbc, executionId, null, null, "unreadable");

        Map<String, Object> detail = workspace.api().get("/api/workflows/executions/" + executionId).json();

        assertThat(detail).containsOnlyKeys(ContractFields.EXECUTION).containsEntry("status", "failed")
                .containsEntry("workflow_id", workflowId).containsEntry("definition", null)
                .containsEntry("step_executions", List.of()).containsEntry("error_message", "unreadable");
        String path = "/api/workflows/" + workflowId + "/executions";
        assertThat(ids(workspace.api().get(path + "?status=failed"))).containsExactly(executionId);
        assertThat(workspace.api().get(path + "?status=pending").json()).containsEntry("total", 0);
    }

    private String submit(Map<String, Object> inputs) {
        HttpApi.Response submitted = workspace.api().post("/api/workflows/" + workflowId + "/execute",
                Map.of("input_variables", inputs));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        return (String) submitted.json().get("execution_id");
    }

    private List<Object> workflowStepIds() {
        return list(workspace.api().get("/api/workflows/" + workflowId).json().get("steps")).stream()
                .map(step -> step.get("id")).toList();
    }

    private static List<Object> ids(HttpApi.Response page) {
        return list(page.json().get("items")).stream().map(item -> item.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static Map<String, Map<String, Object>> byName(List<Map<String, Object>> items, String key) {
        Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
        items.forEach(item -> byName.put((String) item.get(key), item));
        return byName;
    }
}
