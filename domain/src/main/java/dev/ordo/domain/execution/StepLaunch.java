package dev.ordo.domain.execution;

import dev.ordo.contract.definition.StepKind;
import dev.ordo.contract.definition.StepKind.AgentTask;
import dev.ordo.contract.definition.StepKind.ConditionGate;
import dev.ordo.contract.definition.StepKind.Delay;
import dev.ordo.contract.definition.StepKind.Structural;
import dev.ordo.contract.definition.StepKind.WorkerTask;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.expression.Conditions;
import dev.ordo.expression.Verdict;
import java.time.Instant;
import java.util.Map;

/**
 * What a step whose dependencies are satisfied turns into, by its {@link StepKind}. Its condition,
 * if any, is evaluated first: false skips it, an evaluation error fails it terminally. Then a
 * structural marker completes at once with an empty output; a condition gate completes with its
 * input as output; a delay starts waiting; a worker or agent task has its next attempt scheduled
 * (its first, or after a retry of the execution its last one plus 1).
 * A step whose input or task would exceed {@link PayloadLimits} fails terminally instead.
 */
final class StepLaunch {

    private StepLaunch() {
    }

    static ExecutionEvent of(StepSettings step, ExecutionState state, Instant now) {
        String name = step.spec().name();
        StepKind kind = step.kind();
        if (kind instanceof ConditionGate gate && gate.expression() == null) {
            return new StepFailed(name, 0, "Expected condition step '" + name
                    + "' to have a condition_expression, but it has none", false);
        }
        String condition = step.condition();
        if (condition != null) {
            Verdict verdict = Conditions.evaluate(condition, StepInputs.scope(state));
            if (verdict instanceof Verdict.Failed failed) {
                return new StepFailed(name, 0, failed.error(), false);
            }
            if (!((Verdict.Decided) verdict).holds()) {
                return new StepSkipped(name, "condition '" + condition + "' is false");
            }
        }
        if (kind instanceof Structural) {
            return new StepSucceeded(name, 0, Map.of());
        } else if (kind instanceof ConditionGate) {
            return passedOn(step, state, 0);
        } else if (kind instanceof Delay delay) {
            return new DelayStarted(name, now.plus(delay.duration()));
        } else if (kind instanceof WorkerTask || kind instanceof AgentTask) {
            return scheduled(step, state, state.step(name).attempt() + 1, now);
        }
        throw new IllegalArgumentException("Unhandled step kind " + kind);
    }

    /** A step the engine completes itself with its input as output: a gate that holds, a delay that ended. */
    static ExecutionEvent passedOn(StepSettings step, ExecutionState state, int attempt) {
        String name = step.spec().name();
        Map<String, Object> input = StepInputs.of(step.spec(), state);
        String tooLarge = PayloadLimits.inputTooLarge(name, input);
        return tooLarge == null ? new StepSucceeded(name, attempt, input) : new StepFailed(name, attempt, tooLarge, false);
    }

    /** Attempt {@code attempt} of a worker step, with its input and its deadline, if its task fits. */
    static ExecutionEvent scheduled(StepSettings step, ExecutionState state, int attempt, Instant now) {
        String name = step.spec().name();
        Map<String, Object> input = StepInputs.of(step.spec(), state);
        String tooLarge = PayloadLimits.inputTooLarge(name, input);
        if (tooLarge != null) {
            return new StepFailed(name, attempt, tooLarge, false);
        }
        Integer timeout = step.spec().timeoutSeconds();
        Instant deadline = timeout == null || timeout <= 0 ? null : now.plusSeconds(timeout);
        StepScheduled scheduled = new StepScheduled(name, attempt, input, deadline);
        StepTask task = StepTasks.of(state.evolve(scheduled), scheduled);
        tooLarge = PayloadLimits.taskTooLarge(name, task);
        return tooLarge == null ? scheduled : new StepFailed(name, attempt, tooLarge, false);
    }
}
