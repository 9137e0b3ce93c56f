package dev.ordo.api.executions;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiTest;
import dev.ordo.api.CommandsTopic;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.execution.ExecutionCommand.RetryExecution;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.wire.RecordLimits;
import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retry and rerun at the door: what is refused (and how) before a command is written, and the
 * command written when accepted. The engine is off; the read model is written by the fixture.
 */
@ApiTest
class RetryAndRerunApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Topics topics;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private TestWorkspace workspace;
    private String workflowId;
    private CommandsTopic commands;

    @BeforeEach
    void aWorkflowOfThreeSteps() {
        ReadModelFixture.ensureTable(jdbc);
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = workspace.createWorkflow(chain("retried", "a", "b", "c"));
        commands = CommandsTopic.fromNow(bootstrapServers, topics.commands());
    }

    @AfterEach
    void closeTheReader() {
        commands.close();
    }

    @Test
    void a_failed_execution_is_retried_with_step_inputs_for_a_step_run_again() {
        String executionId = failedAt(Instant.now().minusSeconds(60));

        HttpApi.Response retry = retry(executionId, Map.of("step_inputs", Map.of("b", Map.of("fixed", true))));

        assertThat(retry.status()).as(retry.text()).isEqualTo(202);
        assertThat(retry.json()).containsOnlyKeys("status", "execution_id", "message")
                .containsEntry("status", "retrying").containsEntry("execution_id", executionId);
        RetryExecution command = await().atMost(Duration.ofSeconds(30)).until(
                () -> retries(executionId), found -> !found.isEmpty()).get(0);
        assertThat(command.stepInputs()).isEqualTo(Map.of("b", Map.of("fixed", true)));
        assertThat(retry(executionId, null).status()).isEqualTo(202);
    }

    @Test
    void only_a_failed_or_timed_out_execution_can_be_retried() {
        String pending = submit();
        String completed = submit();
        ReadModelFixture.projected(jdbc, completed, workflowId, workspace.id(), "completed");

        assertThat(retry(pending, null).json()).isEqualTo(Map.of("detail",
                "Only a failed or timed-out execution can be retried, but execution " + pending + " is pending"));
        assertThat(retry(completed, null).status()).isEqualTo(409);
        assertThat(retry(UUID.randomUUID().toString(), null).json()).isEqualTo(Map.of("detail", "Execution not found"));
        TestWorkspace other = TestWorkspace.create(new HttpApi(port));
        assertThat(other.api().post("/api/workflows/executions/" + completed + "/retry", "{}").status())
                .isEqualTo(404);
        assertThat(retries(pending)).isEmpty();
    }

    @Test
    void an_execution_that_ended_longer_ago_than_the_retention_can_no_longer_be_retried() {
        String executionId = failedAt(Instant.now().minus(Duration.ofDays(8)));

        HttpApi.Response retry = retry(executionId, null);

        assertThat(retry.status()).isEqualTo(409);
        assertThat((String) retry.detail()).contains("can no longer be retried").contains("7 days");
    }

    @Test
    void step_inputs_must_be_objects_for_steps_the_retry_runs_again() {
        String executionId = failedAt(Instant.now());

        assertThat(retry(executionId, Map.of("step_inputs", List.of(1))).json()).isEqualTo(Map.of("detail",
                "step_inputs must be an object mapping step names to objects, but it is an array"));
        assertThat(retry(executionId, Map.of("step_inputs", Map.of("b", "x"))).json()).isEqualTo(Map.of("detail",
                "step_inputs must map each step name to an object, but 'b' is a string"));
        assertThat(retry(executionId, Map.of("step_inputs", Map.of("zz", Map.of()))).json()).isEqualTo(Map.of("detail",
                "step_inputs must name steps of the workflow, but 'zz' is not one"));
        assertThat(retry(executionId, Map.of("step_inputs", Map.of("a", Map.of()))).json()).isEqualTo(Map.of("detail",
                "step_inputs may name only the steps the retry runs again (failed, timed out or cancelled), but 'a'"
                        + " is completed"));
        HttpApi.Response large = retry(executionId, Map.of("step_inputs",
                Map.of("b", Map.of("blob", "x".repeat(RecordLimits.MAX_RETRY_STEP_INPUTS_BYTES)))));
        assertThat(large.status()).isEqualTo(413);
        assertThat(ExecutionReadsApiTest.map(large.detail())).containsEntry("limit_bytes",
                RecordLimits.MAX_RETRY_STEP_INPUTS_BYTES);
        assertThat(workspace.api().post("/api/workflows/executions/" + executionId + "/retry", "{nope").status())
                .isEqualTo(422);
        assertThat(retries(executionId)).isEmpty();
    }

    @Test
    void a_rerun_submits_a_new_execution_of_the_same_version_and_inputs() {
        String original = submit(Map.of("n", 7));
        workspace.api().patch("/api/workflows/" + workflowId, chain("retried", "a", "b"));

        HttpApi.Response rerun = workspace.api().with("Idempotency-Key", "rerun-1")
                .post("/api/workflows/executions/" + original + "/rerun", "");

        assertThat(rerun.status()).as(rerun.text()).isEqualTo(202);
        assertThat(rerun.json()).containsOnlyKeys("status", "execution_id", "workflow_id", "message", "rerun_of")
                .containsEntry("status", "submitted").containsEntry("workflow_id", workflowId)
                .containsEntry("rerun_of", original);
        String again = (String) rerun.json().get("execution_id");
        assertThat(again).isNotEqualTo(original);
        Map<String, Object> detail = workspace.api().get("/api/workflows/executions/" + again).json();
        assertThat(detail).containsEntry("status", "pending").containsEntry("workflow_version", 1)
                .containsEntry("input_variables", Map.of("n", 7)).containsEntry("execution_number", 2)
                .containsEntry("metadata", Map.of("rerun_of", original));
        StartExecution start = await().atMost(Duration.ofSeconds(30)).until(
                () -> starts(UUID.fromString(again)), found -> !found.isEmpty()).get(0);
        assertThat(start.workflowVersion()).isEqualTo(1);
        assertThat(start.definition().steps()).hasSize(3);
        HttpApi.Response repeat = workspace.api().with("Idempotency-Key", "rerun-1")
                .post("/api/workflows/executions/" + original + "/rerun", "");
        assertThat(repeat.json()).containsEntry("execution_id", again);
    }

    @Test
    void a_rerun_of_an_unknown_execution_or_a_refused_start_is_refused() {
        String refused = submit();
        ReadModelFixture.rejected(jdbc, refused, workflowId, workspace.id(), "cannot run");

        assertThat(workspace.api().post("/api/workflows/executions/" + UUID.randomUUID() + "/rerun", "").json())
                .isEqualTo(Map.of("detail", "Execution not found"));
        HttpApi.Response rerun = workspace.api().post("/api/workflows/executions/" + refused + "/rerun", "");
        assertThat(rerun.status()).isEqualTo(409);
        assertThat((String) rerun.detail()).contains("never started");
    }

    private String failedAt(Instant end) {
        String executionId = submit();
        ReadModelFixture.execution(UUID.fromString(executionId), UUID.fromString(workflowId),
                        UUID.fromString(workspace.id()), ReadModelFixture.chainDefinition("a", "b", "c"))
                .ended("failed", end, 3, "b failed")
                .step("a", "completed", 1, Map.of("out", 1), null)
                .step("b", "failed", 1, null, "b failed")
                .step("c", "cancelled", 0, null, null)
                .write(jdbc);
        return executionId;
    }

    private HttpApi.Response retry(String executionId, Object body) {
        String path = "/api/workflows/executions/" + executionId + "/retry";
        return body == null ? workspace.api().post(path, "") : workspace.api().post(path, body);
    }

    private String submit() {
        return submit(Map.of());
    }

    private String submit(Map<String, Object> inputs) {
        HttpApi.Response submitted = workspace.api().post("/api/workflows/" + workflowId + "/execute",
                Map.of("input_variables", inputs));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        return (String) submitted.json().get("execution_id");
    }

    private List<RetryExecution> retries(String executionId) {
        List<ExecutionCommand> found = commands.commandsFor(UUID.fromString(executionId));
        return found.stream().filter(RetryExecution.class::isInstance).map(RetryExecution.class::cast).toList();
    }

    private List<StartExecution> starts(UUID executionId) {
        return commands.commandsFor(executionId).stream().filter(StartExecution.class::isInstance)
                .map(StartExecution.class::cast).toList();
    }
}
