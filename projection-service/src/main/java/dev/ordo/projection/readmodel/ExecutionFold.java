package dev.ordo.projection.readmodel;

import dev.ordo.events.definition.StepSpec;
import dev.ordo.events.execution.ExecutionEvent;
import dev.ordo.events.execution.ExecutionEvent.CommandRejected;
import dev.ordo.events.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.events.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.events.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.events.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.events.execution.ExecutionEvent.StepFailed;
import dev.ordo.events.execution.ExecutionEvent.StepScheduled;
import dev.ordo.events.execution.ExecutionEvent.StepSkipped;
import dev.ordo.events.execution.ExecutionEvent.StepStarted;
import dev.ordo.events.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.events.wire.EventEnvelope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies events to the read model of one execution. Deterministic: the same events in the same
 * order always give the same rows, so a rebuild from the log equals the live read model.
 */
final class ExecutionFold {

    private ExecutionFold() {
    }

    /** Applies {@code envelope} to {@code view}; the caller guarantees its sequence is the next one. */
    static void apply(ExecutionView view, EventEnvelope envelope) {
        ExecutionEvent event = envelope.event();
        Instant at = envelope.occurredAt();
        if (event instanceof ExecutionStarted started) {
            start(view, started, at);
        } else if (event instanceof StepScheduled scheduled) {
            StepView step = touched(view, scheduled.stepName(), at);
            step.status = "queued";
            step.attempt = scheduled.attempt();
            step.input = scheduled.input();
            step.output = null;
            step.error = null;
            step.startedAt = null;
            step.completedAt = null;
        } else if (event instanceof StepStarted started) {
            StepView step = touched(view, started.stepName(), at);
            step.status = "running";
            step.startedAt = at;
            step.workerId = started.workerId();
        } else if (event instanceof StepSucceeded succeeded) {
            StepView step = touched(view, succeeded.stepName(), at);
            step.status = "completed";
            step.output = succeeded.output();
            step.startedAt = step.startedAt == null ? at : step.startedAt;
            step.completedAt = at;
        } else if (event instanceof StepFailed failed) {
            StepView step = touched(view, failed.stepName(), at);
            step.status = "failed";
            step.error = failed.error();
            step.completedAt = at;
        } else if (event instanceof StepSkipped skipped) {
            StepView step = touched(view, skipped.stepName(), at);
            step.status = "skipped";
            step.completedAt = at;
        } else if (event instanceof ExecutionCompleted) {
            finish(view, "completed", at);
        } else if (event instanceof ExecutionFailed failed) {
            view.errorMessage = failed.error();
            view.errorDetails = failed.failedStep() == null ? null : Map.of("failed_step", failed.failedStep());
            finish(view, "failed", at);
        } else if (event instanceof ExecutionCancelled cancelled) {
            view.errorMessage = cancelled.reason();
            finish(view, "cancelled", at);
        } else if (!(event instanceof CommandRejected)) {
            throw new IllegalArgumentException("Unhandled event type " + event.getClass().getName());
        }
        view.lastSequence = envelope.sequence();
        view.updatedAt = at;
    }

    private static StepView touched(ExecutionView view, String stepName, Instant at) {
        StepView step = view.steps.get(stepName);
        step.updatedAt = at;
        return step;
    }

    private static void start(ExecutionView view, ExecutionStarted started, Instant at) {
        view.workflowId = started.workflowId();
        view.workflowVersion = started.workflowVersion();
        view.workspaceId = started.workspaceId();
        view.projectId = started.projectId();
        view.definition = started.definition();
        view.inputs = started.inputs();
        view.status = "running";
        view.startedAt = at;
        view.createdAt = at;
        for (StepSpec spec : started.definition().steps()) {
            StepView step = new StepView(spec.name(), spec.stepOrder(), spec.stepType());
            step.updatedAt = at;
            view.steps.put(spec.name(), step);
        }
    }

    private static void finish(ExecutionView view, String status, Instant at) {
        view.status = status;
        view.completedAt = at;
        Map<String, Object> outputs = new LinkedHashMap<>();
        Map<String, Object> statuses = new LinkedHashMap<>();
        for (StepView step : view.steps.values()) {
            if (!step.isFinished()) {
                step.status = "cancelled";
                step.completedAt = at;
                step.updatedAt = at;
            }
            if (step.output != null) {
                outputs.put(step.name, step.output);
            }
            statuses.put(step.name, step.status);
        }
        view.results = Map.of("step_outputs", outputs, "step_statuses", statuses);
    }
}
