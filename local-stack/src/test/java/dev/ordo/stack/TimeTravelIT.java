package dev.ordo.stack;

import static dev.ordo.stack.WorkflowBodies.step;
import static dev.ordo.stack.WorkflowBodies.workflow;
import static dev.ordo.stack.WorkspaceApi.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.StepState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Time travel against the whole system: for every sequence N of a finished execution (a step
 * retried within its run, a failure, a retry of the execution, completion), {@code state?at_sequence=N}
 * is what the first N events of {@code /events} imply by the domain's fold, and after the last one
 * it is exactly {@code GET /executions/{id}}.
 */
class TimeTravelIT {

    private static WorkspaceApi api;
    private static String executionId;
    private static List<Map<String, Object>> events;

    @BeforeAll
    static void aFinishedExecutionThatWasRetried() {
        api = WorkspaceApi.fresh();
        Map<String, Object> retriedInRun = new LinkedHashMap<>(step("check", 2, List.of("prepare"),
                Map.of("processing_type", "flaky", "fail_times", 1,
                        "retry_policy", Map.of("initial_delay_ms", 100, "jitter", 0))));
        retriedInRun.put("max_retries", 1);
        String workflowId = api.createWorkflow(workflow("travelled", List.of(
                step("prepare", 1, List.of(), Map.of("processing_type", "default")),
                retriedInRun,
                step("charge", 3, List.of("check"), Map.of("processing_type", "flaky", "fail_times", 1))), List.of()));
        executionId = api.execute(workflowId, Map.of("order", 7));
        api.awaitStatus(executionId, "failed");
        assertThat(api.post("/api/workflows/executions/" + executionId + "/retry", null).status()).isEqualTo(202);
        api.awaitStatus(executionId, "completed");
        events = list(api.get("/api/workflows/executions/" + executionId + "/events?limit=1000").json().get("items"));
    }

    @Test
    void the_state_after_every_event_is_the_fold_of_the_events_up_to_it() {
        assertThat(events).extracting(event -> event.get("type")).contains("StepRetryScheduled", "ExecutionFailed",
                "ExecutionRetried", "ExecutionCompleted");
        List<ExecutionEvent> decoded = new ArrayList<>();
        for (Map<String, Object> event : events) {
            decoded.add(decode(event));
            int sequence = decoded.size();
            assertThat(event.get("sequence")).isEqualTo(sequence);
            WorkspaceApi.Response state = api.get("/api/workflows/executions/" + executionId
                    + "/state?at_sequence=" + sequence);
            assertThat(state.status()).as(state.text()).isEqualTo(200);
            assertThat(state.json()).containsOnlyKeys(ContractFields.EXECUTION);
            assertFolded(sequence, state.json(), ExecutionState.fold(UUID.fromString(executionId), decoded));
        }
    }

    @Test
    void the_state_after_the_last_event_is_the_execution_as_the_read_model_has_it() {
        Map<String, Object> latest = api.get("/api/workflows/executions/" + executionId + "/state?at_sequence="
                + events.size()).json();

        assertThat(latest).isEqualTo(api.get("/api/workflows/executions/" + executionId).json());
        assertThat(api.get("/api/workflows/executions/" + executionId + "/state").json()).isEqualTo(latest);
        assertThat(api.get("/api/workflows/executions/" + executionId + "/state?at_sequence=" + (events.size() + 1))
                .status()).isEqualTo(400);
    }

    private static void assertFolded(int sequence, Map<String, Object> state, ExecutionState expected) {
        assertThat(state.get("status")).as("status after event %d", sequence).isEqualTo(expected.status().apiName());
        for (Map<String, Object> step : list(state.get("step_executions"))) {
            StepState folded = expected.step((String) step.get("step_name"));
            String what = "step " + step.get("step_name") + " after event " + sequence;
            assertThat(step.get("status")).as(what).isEqualTo(folded.status().apiName());
            assertThat(step.get("retry_count")).as(what).isEqualTo(Math.max(0, folded.attempt() - 1));
            assertThat(step.get("output_data")).as(what).isEqualTo(folded.output());
            assertThat(step.get("error_message")).as(what).isEqualTo(folded.error());
        }
        assertThat(list(state.get("step_executions"))).hasSize(expected.steps().size());
    }

    /** An event of the {@code /events} route back as the event it is: its data with its type. */
    private static ExecutionEvent decode(Map<String, Object> event) {
        Map<String, Object> typed = new LinkedHashMap<>(WorkspaceApi.map(event.get("data")));
        typed.put("type", event.get("type"));
        return JsonCodec.instance().decode(JsonCodec.instance().encodeToString(typed), ExecutionEvent.class);
    }
}
