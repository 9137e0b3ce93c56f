package dev.ordo.events.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.events.definition.StepSpec;
import dev.ordo.events.definition.WorkflowSnapshot;
import dev.ordo.events.execution.ExecutionCommand.CancelExecution;
import dev.ordo.events.execution.ExecutionCommand.StartExecution;
import dev.ordo.events.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.events.execution.ExecutionEvent.StepScheduled;
import dev.ordo.events.execution.ExecutionEvent.StepStarted;
import dev.ordo.events.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.events.execution.StepReport.StepFailedReport;
import dev.ordo.events.execution.StepReport.StepStartedReport;
import dev.ordo.events.execution.StepReport.StepSucceededReport;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Given past events, when one input arrives, then these events are recorded. */
final class Scenario {

    static final UUID EXECUTION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID WORKFLOW = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID WORKSPACE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final DecisionContext CLOCK = () -> NOW;

    private final ExecutionState state;
    private Decision decision;

    private Scenario(ExecutionState state) {
        this.state = state;
    }

    static Scenario given(ExecutionEvent... history) {
        ExecutionState state = ExecutionState.unknown(EXECUTION);
        for (ExecutionEvent event : history) {
            state = state.evolve(event);
        }
        return new Scenario(state);
    }

    Scenario when(EngineInput input) {
        decision = ExecutionDecider.decide(state, input, CLOCK);
        return this;
    }

    Decision then(ExecutionEvent... expected) {
        assertThat(decision.events()).containsExactly(expected);
        return decision;
    }

    Decision thenRejected(String reasonFragment) {
        assertThat(decision.isRejection()).as("decision %s is a rejection", decision.events()).isTrue();
        ExecutionEvent.CommandRejected rejection = (ExecutionEvent.CommandRejected) decision.events().get(0);
        assertThat(rejection.reason()).contains(reasonFragment);
        return decision;
    }

    ExecutionState stateAfter() {
        ExecutionState after = state;
        for (ExecutionEvent event : decision.events()) {
            after = after.evolve(event);
        }
        return after;
    }

    // --- the domain's words -------------------------------------------------------------------

    static StepSpec task(String name, String... dependsOn) {
        return new StepSpec(name, "task", 1, Arrays.asList(dependsOn), null, null, null, Map.of());
    }

    static StepSpec structural(String type, String name, String... dependsOn) {
        return new StepSpec(name, type, 1, Arrays.asList(dependsOn), null, null, null, Map.of());
    }

    static WorkflowSnapshot workflow(StepSpec... steps) {
        return new WorkflowSnapshot(3600, 0, Map.of(), List.of(steps));
    }

    static StartExecution start(WorkflowSnapshot definition, Map<String, Object> inputs) {
        return new StartExecution(EXECUTION, WORKFLOW, 1, WORKSPACE, null, definition, inputs, NOW);
    }

    static ExecutionStarted started(WorkflowSnapshot definition, Map<String, Object> inputs) {
        return new ExecutionStarted(WORKFLOW, 1, WORKSPACE, null, definition, inputs);
    }

    static CancelExecution cancel() {
        return new CancelExecution(EXECUTION, "user asked", NOW);
    }

    static StepScheduled scheduled(String step, int attempt, Map<String, Object> input) {
        return new StepScheduled(step, attempt, input);
    }

    static StepStarted running(String step, int attempt) {
        return new StepStarted(step, attempt, "worker-1");
    }

    static StepSucceeded succeeded(String step, int attempt, Map<String, Object> output) {
        return new StepSucceeded(step, attempt, output);
    }

    static StepStartedReport startReported(String step, int attempt) {
        return new StepStartedReport(EXECUTION, step, attempt, "worker-1");
    }

    static StepSucceededReport successReported(String step, int attempt, Map<String, Object> output) {
        return new StepSucceededReport(EXECUTION, step, attempt, output);
    }

    static StepFailedReport failureReported(String step, int attempt, String error) {
        return new StepFailedReport(EXECUTION, step, attempt, error, true);
    }
}
