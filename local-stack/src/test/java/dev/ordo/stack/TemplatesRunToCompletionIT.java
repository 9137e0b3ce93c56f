package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.wire.JsonCodec;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each built-in template, fetched from {@code /api/workflows/templates}, created as a workflow and
 * run to the end through the HTTP API on the whole stack; its steps must end as the template means.
 */
class TemplatesRunToCompletionIT {

    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled", "timeout");

    private static ApiClient api;
    private static Map<String, Map<String, Object>> templates;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void fetchTemplates() {
        api = new ApiClient(RunningStack.services().apiPort());
        ApiClient.ListResponse listed = api.getList("/api/workflows/templates");
        assertThat(listed.status()).isEqualTo(200);
        templates = new java.util.LinkedHashMap<>();
        listed.body().forEach(template -> templates.put((String) ((Map<String, Object>) template).get("id"),
                (Map<String, Object>) template));
    }

    @Test
    void basic_sequence() {
        assertRunsTo("basic-sequence", Map.of("input", Map.of("hello", "world")),
                Map.of("prepare", "completed", "transform", "completed", "finalize", "completed"));
    }

    @Test
    void parallel_fan_out_and_fan_in() {
        assertRunsTo("parallel-fan-out", Map.of(), Map.of("prepare", "completed", "fan_out", "completed",
                "branch_a", "completed", "branch_b", "completed", "branch_c", "completed", "join", "completed"));
    }

    @Test
    void conditional_branches_take_only_the_branch_whose_condition_holds() {
        assertRunsTo("conditional-branches", Map.of("amount", 250.0), Map.of("review", "completed",
                "is_small", "completed", "auto_approve", "completed", "is_large", "skipped", "manual_check", "skipped"));
    }

    @Test
    void retry_policy() {
        assertRunsTo("retry-policy", Map.of(), Map.of("fetch", "completed", "process", "completed",
                "publish", "completed"));
    }

    @Test
    void http_pipeline_calls_a_local_endpoint() {
        String endpoint = "http://localhost:" + RunningStack.services().apiPort() + "/actuator/health";
        assertRunsTo("http-pipeline", Map.of("endpoint", endpoint), Map.of("call_api", "completed",
                "transform", "completed", "deliver", "completed"));
    }

    @Test
    void a_finished_workflow_can_be_deleted_and_its_past_execution_stays_readable() {
        String executionId = assertRunsTo("basic-sequence", Map.of("input", Map.of()), Map.of("prepare", "completed",
                "transform", "completed", "finalize", "completed"));
        String workflowId = (String) api.get("/api/workflows/executions/" + executionId + "/status").body()
                .get("workflow_id");

        ApiClient.Response deleted = api.delete("/api/workflows/" + workflowId);

        assertThat(deleted.status()).as("delete: %s", deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo(Map.of("status", "deleted", "workflow_id", workflowId));
        assertThat(api.get("/api/workflows/" + workflowId).status()).isEqualTo(404);
        assertThat(api.get("/api/workflows/executions/" + executionId + "/status").body())
                .containsEntry("status", "completed");
    }

    /** Creates the template as a workflow, runs it with {@code inputs}, and returns the execution id. */
    @SuppressWarnings("unchecked")
    private static String assertRunsTo(String templateId, Map<String, Object> inputs, Map<String, String> stepStatuses) {
        Map<String, Object> template = templates.get(templateId);
        assertThat(template).as("template %s", templateId).isNotNull();
        String body = JsonCodec.instance().encodeToString(Map.of("name", templateId + " " + UUID.randomUUID(),
                "steps", template.get("steps"), "variables", template.get("variables")));
        ApiClient.Response created = api.post("/api/workflows/", body);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        ApiClient.Response submitted = api.post("/api/workflows/" + created.body().get("id") + "/execute",
                JsonCodec.instance().encodeToString(Map.of("input_variables", inputs)));
        assertThat(submitted.status()).as("execute: %s", submitted.body()).isEqualTo(202);
        String statusPath = "/api/workflows/executions/" + submitted.body().get("execution_id") + "/status";

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(statusPath).body().get("status"), FINISHED::contains);

        Map<String, Object> done = api.get(statusPath).body();
        assertThat(done.get("status")).as("final state %s", done).isEqualTo("completed");
        assertThat(((Map<String, Object>) done.get("results")).get("step_statuses")).isEqualTo(stepStatuses);
        return (String) submitted.body().get("execution_id");
    }
}
