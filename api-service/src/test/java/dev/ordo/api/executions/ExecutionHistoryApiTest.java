package dev.ordo.api.executions;

import static dev.ordo.api.Bodies.chain;
import static dev.ordo.api.executions.ExecutionReadsApiTest.byName;
import static dev.ordo.api.executions.ExecutionReadsApiTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.ContractFields;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
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
 * The event history route and time travel over a stored history with a failure, a retry with a step
 * input, and completion: each state is the domain's fold of the first N events, dated by them.
 */
@ApiTest
class ExecutionHistoryApiTest {

    private static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestWorkspace workspace;
    private String workflowId;
    private String executionId;
    private String base;

    @BeforeEach
    void aFinishedExecutionWithItsHistory() {
        ReadModelFixture.ensureTable(jdbc);
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = workspace.createWorkflow(chain("history", "a", "b"));
        executionId = (String) workspace.api().post("/api/workflows/" + workflowId + "/execute", "{}").json()
                .get("execution_id");
        base = "/api/workflows/executions/" + executionId;
    }

    @Test
    void events_come_in_sequence_order_paged_by_sequence() {
        storeHistory();

        HttpApi.Response first = workspace.api().get(base + "/events?limit=5");

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json()).containsEntry("execution_id", executionId).containsEntry("next_after_sequence", 5)
                .containsEntry("has_more", true).containsEntry("after_sequence", 0).containsEntry("limit", 5);
        List<Map<String, Object>> items = list(first.json().get("items"));
        assertThat(items).extracting(item -> item.get("sequence")).containsExactly(1, 2, 3, 4, 5);
        assertThat(items.get(0)).containsOnlyKeys("sequence", "occurred_at", "type", "data")
                .containsEntry("type", "ExecutionStarted").containsEntry("occurred_at", "2026-02-01T12:00:00Z");
        assertThat(ExecutionReadsApiTest.map(items.get(3).get("data")))
                .isEqualTo(Map.of("step_name", "a", "attempt", 1, "output", Map.of("y", 2)));
        HttpApi.Response last = workspace.api().get(base + "/events?after_sequence=10");
        assertThat(list(last.json().get("items"))).extracting(item -> item.get("type"))
                .containsExactly("StepSucceeded", "ExecutionCompleted");
        assertThat(last.json()).containsEntry("next_after_sequence", 12).containsEntry("has_more", false);
        assertThat(list(workspace.api().get(base + "/events").json().get("items"))).hasSize(12);
    }

    @Test
    void the_state_after_each_event_is_the_fold_of_the_events_up_to_it() {
        storeHistory();

        Map<String, Object> afterStart = state(1);
        assertThat(afterStart).containsOnlyKeys(ContractFields.EXECUTION).containsEntry("status", "running")
                .containsEntry("started_at", "2026-02-01T12:00:00Z").containsEntry("results", null);
        assertThat(steps(afterStart)).extracting(step -> step.get("status")).containsExactly("pending", "pending");

        Map<String, Object> aDone = byName(steps(state(4)), "step_name").get("a");
        assertThat(aDone).containsOnlyKeys(ContractFields.STEP_EXECUTION).containsEntry("status", "completed")
                .containsEntry("output_data", Map.of("y", 2)).containsEntry("input_data", Map.of("x", 1))
                .containsEntry("started_at", "2026-02-01T12:00:02Z")
                .containsEntry("completed_at", "2026-02-01T12:00:03Z")
                .containsEntry("duration", 1.0);

        Map<String, Object> failed = state(8);
        assertThat(failed).containsEntry("status", "failed").containsEntry("error_message", "boom")
                .containsEntry("error_details", Map.of("failed_step", "b"))
                .containsEntry("completed_at", "2026-02-01T12:00:07Z").containsEntry("duration", 7.0);
        assertThat(ExecutionReadsApiTest.map(failed.get("results"))).containsEntry("step_statuses",
                Map.of("a", "completed", "b", "failed"));

        Map<String, Object> retried = state(9);
        assertThat(retried).containsEntry("status", "running").containsEntry("completed_at", null)
                .containsEntry("error_message", null).containsEntry("results", null);
        assertThat(byName(steps(retried), "step_name").get("b")).containsEntry("status", "pending")
                .containsEntry("retry_count", 0).containsEntry("started_at", null);

        assertThat(byName(steps(state(10)), "step_name").get("b")).containsEntry("status", "queued")
                .containsEntry("retry_count", 1).containsEntry("input_data", Map.of("z", 3));

        Map<String, Object> done = state(12);
        assertThat(done).containsEntry("status", "completed").containsEntry("duration", 11.0)
                .containsEntry("updated_at", "2026-02-01T12:00:11Z");
        assertThat(byName(steps(done), "step_name").get("b")).containsEntry("output_data", Map.of("done", true))
                .containsEntry("completed_at", "2026-02-01T12:00:10Z");
        assertThat(workspace.api().get(base + "/state").json()).isEqualTo(done);
    }

    @Test
    void a_sequence_outside_the_history_is_refused_with_the_range() {
        storeHistory();

        HttpApi.Response zero = workspace.api().get(base + "/state?at_sequence=0");
        HttpApi.Response beyond = workspace.api().get(base + "/state?at_sequence=13");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat((String) beyond.detail()).contains("between 1 and 12").contains("13");
        assertThat(workspace.api().get(base + "/state?at_sequence=x").status()).isEqualTo(422);
        assertThat(workspace.api().get(base + "/events?after_sequence=-1").status()).isEqualTo(422);
        assertThat(workspace.api().get(base + "/events?limit=0").status()).isEqualTo(422);
        assertThat(workspace.api().get(base + "/events?limit=1001").status()).isEqualTo(422);
    }

    @Test
    void an_execution_without_events_yet_has_an_empty_history_and_reads_pending() {
        HttpApi.Response events = workspace.api().get(base + "/events");

        assertThat(events.json()).containsEntry("items", List.of()).containsEntry("next_after_sequence", 0)
                .containsEntry("has_more", false);
        assertThat(workspace.api().get(base + "/state").json()).containsEntry("status", "pending");
        assertThat(workspace.api().get(base + "/state?at_sequence=1").status()).isEqualTo(400);
    }

    private void storeHistory() {
        WorkflowSnapshot definition = ReadModelFixture.chainDefinition("a", "b");
        List<ExecutionEvent> events = List.of(
                new ExecutionStarted(UUID.fromString(workflowId), 1, UUID.fromString(workspace.id()),
                        UUID.fromString(workspace.defaultProjectId()), definition, Map.of("x", 1), null),
                new StepScheduled("a", 1, Map.of("x", 1), null),
                new StepStarted("a", 1, "w1"),
                new StepSucceeded("a", 1, Map.of("y", 2)),
                new StepScheduled("b", 1, Map.of("y", 2), null),
                new StepStarted("b", 1, "w1"),
                new StepFailed("b", 1, "boom", false),
                new ExecutionFailed("b", "boom"),
                new ExecutionRetried(List.of("b"), Map.of("b", Map.of("z", 3)), null, "retried on request"),
                new StepScheduled("b", 2, Map.of("z", 3), null),
                new StepSucceeded("b", 2, Map.of("done", true)),
                new ExecutionCompleted());
        ReadModelFixture.history(jdbc, UUID.fromString(executionId), T0, 1000, events);
    }

    private Map<String, Object> state(int sequence) {
        HttpApi.Response state = workspace.api().get(base + "/state?at_sequence=" + sequence);
        assertThat(state.status()).as(state.text()).isEqualTo(200);
        return state.json();
    }

    private static List<Map<String, Object>> steps(Map<String, Object> detail) {
        return list(detail.get("step_executions"));
    }
}
