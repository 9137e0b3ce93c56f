package dev.ordo.projection.readmodel;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import java.time.Instant;

/**
 * Applies the events about one step to its row and its attempt rows. Step statuses: queued,
 * running, retrying (a failed or timed-out attempt waits for its backoff), completed, failed,
 * timeout, skipped, cancelled.
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
            ended(touched(view, failed.stepName(), at), "failed", at, failed.error());
        } else if (event instanceof StepTimedOut timedOut) {
            ended(touched(view, timedOut.stepName(), at), "timeout", at, timedOut.error());
        } else if (event instanceof StepRetryScheduled retry) {
            retrying(touched(view, retry.stepName(), at), retry);
        } else if (event instanceof DelayStarted delay) {
            StepView step = touched(view, delay.stepName(), at);
            step.status = "running";
            step.startedAt = at;
        } else if (event instanceof StepSkipped skipped) {
            StepView step = touched(view, skipped.stepName(), at);
            step.status = "skipped";
            step.completedAt = at;
        } else {
            return false;
        }
        return true;
    }

    private static void scheduled(StepView step, StepScheduled scheduled, Instant at) {
        step.status = "queued";
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
        step.status = "running";
        step.startedAt = at;
        step.workerId = started.workerId();
        AttemptView attempt = step.currentAttempt();
        if (attempt != null) {
            attempt.status = "running";
            attempt.startedAt = at;
            attempt.workerId = started.workerId();
            attempt.changed = true;
        }
    }

    private static void succeeded(StepView step, StepSucceeded succeeded, Instant at) {
        step.status = "completed";
        step.output = succeeded.output();
        step.startedAt = step.startedAt == null ? at : step.startedAt;
        step.completedAt = at;
        endAttempt(step, "completed", at, null);
    }

    private static void retrying(StepView step, StepRetryScheduled retry) {
        step.status = "retrying";
        step.nextRetryAt = retry.dueAt();
        AttemptView attempt = step.currentAttempt();
        if (attempt != null) {
            attempt.retryDueAt = retry.dueAt();
            attempt.changed = true;
        }
    }

    /** Ends a step that the execution's end interrupts: in flight gets {@code interrupted}, others cancelled. */
    static void interrupt(StepView step, String interrupted, Instant at) {
        step.status = step.isInFlight() ? interrupted : "cancelled";
        step.completedAt = at;
        step.updatedAt = at;
        step.nextRetryAt = null;
        AttemptView attempt = step.currentAttempt();
        if (attempt != null && attempt.isOpen()) {
            attempt.end(interrupted, at, null);
        }
    }

    private static void ended(StepView step, String status, Instant at, String error) {
        step.status = status;
        step.error = error;
        step.completedAt = at;
        endAttempt(step, status, at, error);
    }

    private static void endAttempt(StepView step, String status, Instant at, String error) {
        AttemptView attempt = step.currentAttempt();
        if (attempt != null) {
            attempt.end(status, at, error);
        }
    }

    private static StepView touched(ExecutionView view, String stepName, Instant at) {
        StepView step = view.steps.get(stepName);
        step.updatedAt = at;
        return step;
    }
}
