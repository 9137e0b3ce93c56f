package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.domain.expression.Conditions;
import dev.ordo.domain.expression.Verdict;
import java.time.Instant;
import java.util.Map;

/**
 * What a step whose dependencies are satisfied turns into. Its condition, if any, is evaluated
 * first: false skips it, an evaluation error fails it terminally. Then: {@code parallel} and
 * {@code sequential} complete at once with an empty output; a {@code condition} step completes
 * with its input as output (a gate); a {@code delay} step starts waiting; any other step has its
 * first attempt scheduled.
 */
final class StepLaunch {

    private StepLaunch() {
    }

    static ExecutionEvent of(StepSettings step, ExecutionState state, Instant now) {
        String name = step.spec().name();
        String condition = step.condition();
        if (condition == null && step.isCondition()) {
            return new StepFailed(name, 0, "Expected condition step '" + name
                    + "' to have a condition_expression, but it has none", false);
        }
        if (condition != null) {
            Verdict verdict = Conditions.evaluate(condition, StepInputs.scope(state));
            if (verdict instanceof Verdict.Failed failed) {
                return new StepFailed(name, 0, failed.error(), false);
            }
            if (!((Verdict.Decided) verdict).holds()) {
                return new StepSkipped(name, "condition '" + condition + "' is false");
            }
        }
        if (step.spec().isStructural()) {
            return new StepSucceeded(name, 0, Map.of());
        }
        if (step.isCondition()) {
            return new StepSucceeded(name, 0, StepInputs.of(step.spec(), state));
        }
        if (step.isDelay()) {
            return new DelayStarted(name, now.plusMillis(step.delayMillis()));
        }
        return scheduled(step, state, 1, now);
    }

    /** Attempt {@code attempt} of a worker step, with its input and its deadline. */
    static StepScheduled scheduled(StepSettings step, ExecutionState state, int attempt, Instant now) {
        Integer timeout = step.spec().timeoutSeconds();
        Instant deadline = timeout == null || timeout <= 0 ? null : now.plusSeconds(timeout);
        return new StepScheduled(step.spec().name(), attempt, StepInputs.of(step.spec(), state), deadline);
    }
}
