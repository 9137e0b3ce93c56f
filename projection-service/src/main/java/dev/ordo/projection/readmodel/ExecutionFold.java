package dev.ordo.projection.readmodel;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.wire.EventEnvelope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies events to the read model of one execution. Deterministic: the same events in the same
 * order always give the same rows, so a rebuild from the log equals the live read model. Step
 * events go to {@link StepFold}. Execution statuses: running, completed, failed, cancelled, timeout.
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
        } else if (StepFold.apply(view, event, at)) {
            view.updatedAt = at;
        } else if (event instanceof ExecutionCompleted) {
            finish(view, "completed", "cancelled", at);
        } else if (event instanceof ExecutionFailed failed) {
            view.errorMessage = failed.error();
            view.errorDetails = failed.failedStep() == null ? null : Map.of("failed_step", failed.failedStep());
            finish(view, "failed", "cancelled", at);
        } else if (event instanceof ExecutionCancelled cancelled) {
            view.errorMessage = cancelled.reason();
            finish(view, "cancelled", "cancelled", at);
        } else if (event instanceof ExecutionTimedOut timedOut) {
            view.errorMessage = timedOut.reason();
            finish(view, "timeout", "timeout", at);
        } else if (event instanceof ExecutionRejected rejected) {
            view.workflowId = rejected.workflowId();
            view.workflowVersion = rejected.workflowVersion();
            view.workspaceId = rejected.workspaceId();
            view.projectId = rejected.projectId();
            view.errorMessage = rejected.reason();
            view.createdAt = at;
            view.startedAt = at;
            finish(view, "failed", "cancelled", at);
        } else if (!(event instanceof CommandRejected || event instanceof IncidentRecorded)) {
            throw new IllegalArgumentException("Unhandled event type " + event.getClass().getName());
        }
        view.lastSequence = envelope.sequence();
        view.updatedAt = at;
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

    /** Ends the execution; unfinished steps in flight take {@code interrupted}, the others are cancelled. */
    private static void finish(ExecutionView view, String status, String interrupted, Instant at) {
        view.status = status;
        view.completedAt = at;
        Map<String, Object> outputs = new LinkedHashMap<>();
        Map<String, Object> statuses = new LinkedHashMap<>();
        for (StepView step : view.steps.values()) {
            if (!step.isFinished()) {
                StepFold.interrupt(step, interrupted, at);
            }
            if (step.output != null) {
                outputs.put(step.name, step.output);
            }
            statuses.put(step.name, step.status);
        }
        view.results = Map.of("step_outputs", outputs, "step_statuses", statuses);
    }
}
