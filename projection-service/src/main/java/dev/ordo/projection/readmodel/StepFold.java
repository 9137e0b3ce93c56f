package dev.ordo.projection.readmodel;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepHeartbeatRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.execution.StepStatus;
import java.time.Instant;

/**
 * Applies the events about one step to its row and its attempt rows, giving each the
 * {@link StepStatus#apiName()} the engine's step takes on the same event ({@code FoldFollowsEngineTest}
 * holds the two together).
 */
final class StepFold {

    private StepFold() {
    }

    /** @return false when {@code event} is not about a step */
    static boolean apply(ExecutionView view, ExecutionEvent event, Instant at) {
        if (event instanceof StepScheduled scheduled) {
            scheduled(touched(view, scheduled.stepName(), at), scheduled, at);
        } else if (event instanceof StepStarted started) {
            started(touched(view, started.stepName(), at), started, at);
        } else if (event instanceof StepSucceeded succeeded) {
            succeeded(touched(view, succeeded.stepName(), at), succeeded, at);
        } else if (event instanceof StepFailed failed) {
            StepView step = touched(view, failed.stepName(), at);
            failedBeforeHandOut(step, failed.attempt(), at);
            ended(step, StepStatus.FAILED, at, failed.error());
        } else if (event instanceof StepTimedOut timedOut) {
            ended(touched(view, timedOut.stepName(), at), StepStatus.TIMED_OUT, at, timedOut.error());
        } else if (event instanceof StepRetryScheduled retry) {
            retrying(touched(view, retry.stepName(), at), retry);
        } else if (event instanceof DelayStarted delay) {
            StepView step = touched(view, delay.stepName(), at);
            step.status = StepStatus.WAITING.apiName();
            step.startedAt = at;
        } else if (event instanceof StepHeartbeatRecorded heartbeat) {
            StepView step = touched(view, heartbeat.stepName(), at);
            if (heartbeat.progress() != null) {
                step.progress = heartbeat.progress();
            }
        } else if (event instanceof StepSkipped skipped) {
            StepView step = touched(view, skipped.stepName(), at);
            step.status = StepStatus.SKIPPED.apiName();
            step.completedAt = at;
        } else {
            return false;
        }
        return true;
    }

    private static void scheduled(StepView step, StepScheduled scheduled, Instant at) {
        step.progress = null;
        step.status = StepStatus.QUEUED.apiName();
        step.attempt = scheduled.attempt();
        step.input = scheduled.input();
        step.output = null;
        step.error = null;
        step.startedAt = null;
        step.completedAt = null;
        step.nextRetryAt = null;
        AttemptView attempt = new AttemptView(scheduled.attempt(), at);
        attempt.changed = true;
        step.attempts.put(scheduled.attempt(), attempt);
    }

    private static void started(StepView step, StepStarted started, Instant at) {
        step.status = StepStatus.RUNNING.apiName();
        step.startedAt = at;
        step.workerId = started.workerId();
        AttemptView attempt = step.currentAttempt();
        if (attempt != null) {
            attempt.status = StepStatus.RUNNING.apiName();
            attempt.startedAt = at;
            attempt.workerId = started.workerId();
            attempt.changed = true;
        }
    }

    private static void succeeded(StepView step, StepSucceeded succeeded, Instant at) {
        step.status = StepStatus.COMPLETED.apiName();
        step.output = succeeded.output();
        step.startedAt = step.startedAt == null ? at : step.startedAt;
        step.completedAt = at;
        endAttempt(step, StepStatus.COMPLETED, at, null);
    }

    private static void retrying(StepView step, StepRetryScheduled retry) {
        step.status = StepStatus.RETRYING.apiName();
        step.nextRetryAt = retry.dueAt();
        AttemptView attempt = step.currentAttempt();
        if (attempt != null) {
            attempt.retryDueAt = retry.dueAt();
            attempt.changed = true;
        }
    }

    /** A step a retry runs again: pending, with nothing of its last run but its attempt rows. */
    static void reopen(StepView step, Instant at) {
        step.status = StepStatus.PENDING.apiName();
        step.output = null;
        step.error = null;
        step.startedAt = null;
        step.completedAt = null;
        step.nextRetryAt = null;
        step.updatedAt = at;
        step.changed = true;
    }

    /** Ends a step that the execution's end interrupts: in flight gets {@code interrupted}, others are cancelled. */
    static void interrupt(StepView step, StepStatus interrupted, Instant at) {
        step.changed = true;
        step.status = (step.isInFlight() ? interrupted : StepStatus.CANCELLED).apiName();
        step.completedAt = at;
        step.updatedAt = at;
        step.nextRetryAt = null;
        AttemptView attempt = step.currentAttempt();
        if (attempt != null && attempt.isOpen()) {
            attempt.end(interrupted.apiName(), at, null);
        }
    }

    /**
     * An attempt that failed before it was handed out (its input or task was too large) still shows
     * as that attempt, with a row of its own.
     */
    private static void failedBeforeHandOut(StepView step, int attempt, Instant at) {
        if (attempt > step.attempt) {
            step.attempt = attempt;
            AttemptView row = new AttemptView(attempt, at);
            row.changed = true;
            step.attempts.put(attempt, row);
        }
    }

    private static void ended(StepView step, StepStatus status, Instant at, String error) {
        step.status = status.apiName();
        step.error = error;
        step.completedAt = at;
        endAttempt(step, status, at, error);
    }

    private static void endAttempt(StepView step, StepStatus status, Instant at, String error) {
        AttemptView attempt = step.currentAttempt();
        if (attempt != null) {
            attempt.end(status.apiName(), at, error);
        }
    }

    private static StepView touched(ExecutionView view, String stepName, Instant at) {
        StepView step = view.steps.get(stepName);
        if (step == null) {
            throw new IllegalArgumentException("Expected a step '" + stepName + "' in the definition of execution "
                    + view.id + ", but it has steps " + view.steps.keySet());
        }
        step.updatedAt = at;
        step.changed = true;
        return step;
    }
}
