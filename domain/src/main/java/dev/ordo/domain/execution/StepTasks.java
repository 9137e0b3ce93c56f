package dev.ordo.domain.execution;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.expression.Templates;
import java.time.Instant;
import java.util.Map;

/**
 * The task handed to the workers for a scheduled attempt. Its config is the step's config with
 * every {@code ${...}} reference resolved against the same scope as the step's input (input
 * variables and completed steps' outputs), so handlers never see templates. Its deadline is the
 * attempt's or the execution's, whichever comes first.
 */
final class StepTasks {

    private StepTasks() {
    }

    /** {@code state} must already include {@code scheduled}. */
    @SuppressWarnings("unchecked")
    static StepTask of(ExecutionState state, StepScheduled scheduled) {
        StepSpec step = state.definition().step(scheduled.stepName()).orElseThrow();
        Map<String, Object> config = (Map<String, Object>) Templates.resolve(step.config(), StepInputs.scope(state));
        return new StepTask(state.executionId(), step.name(), step.stepType(), scheduled.attempt(), config,
                scheduled.input(), earliest(scheduled.deadline(), state.deadline()));
    }

    private static Instant earliest(Instant attempt, Instant execution) {
        if (attempt == null) {
            return execution;
        }
        return execution == null || attempt.isBefore(execution) ? attempt : execution;
    }
}
