package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import java.time.Instant;
import java.util.List;

/**
 * What follows an attempt that failed or timed out (already applied to {@code state}): another
 * attempt after a backoff while retries remain and the failure is retryable (a retry of the
 * execution gives each step it runs again its {@code max_retries} and backoff afresh: attempts and
 * backoff count from the run's first attempt); otherwise the step
 * has failed for good, which fails the execution at once (fail fast) or, with
 * {@code continue_on_error}, lets the independent branches go on.
 */
final class AttemptOutcomes {

    private AttemptOutcomes() {
    }

    static List<ExecutionEvent> afterFailure(ExecutionState state, String stepName, int attempt, boolean retryable,
                                             Instant now) {
        StepSettings step = StepSettings.of(state, stepName);
        int inRun = state.step(stepName).attemptInRun(attempt);
        if (retryable && inRun >= 1 && inRun <= step.maxRetries()) {
            long delay = step.retryPolicy().delayMillis(state.executionId(), stepName, inRun);
            return List.of(new StepRetryScheduled(stepName, attempt + 1, now.plusMillis(delay), delay));
        }
        return afterPermanentFailure(state, step, now);
    }

    static List<ExecutionEvent> afterPermanentFailure(ExecutionState state, StepSettings step, Instant now) {
        if (!step.continueOnError()) {
            return List.of(failed(state, step.spec().name()));
        }
        return Progression.from(state, now);
    }

    static ExecutionFailed failed(ExecutionState state, String stepName) {
        return new ExecutionFailed(stepName, "Step '" + stepName + "' failed: " + state.step(stepName).error());
    }
}
