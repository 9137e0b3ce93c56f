package dev.ordo.projection.readmodel;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.wire.EventEnvelope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies events to the read model of one execution. Deterministic: the same events in the same
 * order always give the same rows, so a rebuild from the log equals the live read model. Step
 * events go to {@link StepFold}. Statuses are the {@link ExecutionStatus#apiName()} and
 * {@link StepStatus#apiName()} of the engine's state after the same events; the engine is the
 * source of truth and {@code FoldFollowsEngineTest} holds the fold to it.
 *
 * <p>Each event applied joins the view's history ({@link ExecutionView#foldedEvents}).
 *
 * <p>{@code error_details} collects what explains a failure: {@code failed_step},
 * {@code incident} (the first {@code IncidentRecorded}: input, step_name, error) and
 * {@code rejected} (a refused start: reason).
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
            view.status = ExecutionStatus.COMPLETED.apiName();
            finish(view, StepStatus.CANCELLED, at);
        } else if (event instanceof ExecutionFailed failed) {
            view.errorMessage = failed.error();
            addDetail(view, "failed_step", failed.failedStep());
            view.status = ExecutionStatus.FAILED.apiName();
            finish(view, StepStatus.CANCELLED, at);
        } else if (event instanceof ExecutionCancelled cancelled) {
            view.errorMessage = cancelled.reason();
            view.status = ExecutionStatus.CANCELLED.apiName();
            finish(view, StepStatus.CANCELLED, at);
        } else if (event instanceof ExecutionTimedOut timedOut) {
            view.errorMessage = timedOut.reason();
            view.status = ExecutionStatus.TIMED_OUT.apiName();
            finish(view, StepStatus.TIMED_OUT, at);
        } else if (event instanceof ExecutionRejected rejected) {
            reject(view, rejected, at);
        } else if (event instanceof ExecutionRetried retried) {
            reopen(view, retried, at);
        } else if (event instanceof IncidentRecorded incident) {
            if (view.errorDetails == null || !view.errorDetails.containsKey("incident")) {
                addDetail(view, "incident", present("input", incident.input(), "step_name", incident.stepName(),
                        "error", incident.error()));
            }
        } else if (!(event instanceof CommandRejected)) {
            throw new IllegalArgumentException("Unhandled event type " + event.getClass().getName());
        }
        view.lastSequence = envelope.sequence();
        view.updatedAt = at;
        view.foldedEvents.add(envelope);
    }

    /** Whether {@code event} may be the first event of an execution. */
    static boolean opensExecution(ExecutionEvent event) {
        return event instanceof ExecutionStarted || event instanceof ExecutionRejected;
    }

    private static void start(ExecutionView view, ExecutionStarted started, Instant at) {
        view.workflowId = started.workflowId();
        view.workflowVersion = started.workflowVersion();
        view.workspaceId = started.workspaceId();
        view.projectId = started.projectId();
        view.definition = started.definition();
        view.inputs = started.inputs();
        view.status = ExecutionStatus.RUNNING.apiName();
        view.startedAt = at;
        view.createdAt = at;
        for (StepSpec spec : started.definition().steps()) {
            StepView step = new StepView(spec.name(), spec.stepOrder(), spec.stepType());
            step.updatedAt = at;
            step.changed = true;
            view.steps.put(spec.name(), step);
        }
    }

    /**
     * A retry opens the next run: the execution runs again, the steps it reruns are pending again
     * (their attempt rows stay; the next attempt gets the next number), the rest keep their rows.
     */
    private static void reopen(ExecutionView view, ExecutionRetried retried, Instant at) {
        view.status = ExecutionStatus.RUNNING.apiName();
        view.completedAt = null;
        view.errorMessage = null;
        view.errorDetails = null;
        view.results = null;
        for (String name : retried.steps()) {
            StepView step = view.steps.get(name);
            if (step != null) {
                StepFold.reopen(step, at);
            }
        }
    }

    /** A start the engine refused: it never ran, and reads as failed with the engine's reason. */
    private static void reject(ExecutionView view, ExecutionRejected rejected, Instant at) {
        view.workflowId = rejected.workflowId();
        view.workflowVersion = rejected.workflowId() == null ? null : rejected.workflowVersion();
        view.workspaceId = rejected.workspaceId();
        view.projectId = rejected.projectId();
        view.errorMessage = rejected.reason();
        addDetail(view, "rejected", present("reason", rejected.reason()));
        view.createdAt = at;
        view.status = ExecutionStatus.FAILED.apiName();
        finish(view, StepStatus.CANCELLED, at);
    }

    /**
     * Ends the execution as the engine does: a completed one leaves its steps as they are; otherwise
     * unfinished steps in flight (or waiting) take {@code interrupted}, the others are cancelled.
     */
    private static void finish(ExecutionView view, StepStatus interrupted, Instant at) {
        view.completedAt = at;
        boolean completed = ExecutionStatus.COMPLETED.apiName().equals(view.status);
        Map<String, Object> outputs = new LinkedHashMap<>();
        Map<String, Object> statuses = new LinkedHashMap<>();
        for (StepView step : view.steps.values()) {
            if (!completed && !step.isFinished()) {
                StepFold.interrupt(step, interrupted, at);
            }
            if (step.output != null) {
                outputs.put(step.name, step.output);
            }
            statuses.put(step.name, step.status);
        }
        view.results = Map.of("step_outputs", outputs, "step_statuses", statuses);
    }

    private static void addDetail(ExecutionView view, String key, Object value) {
        if (value == null) {
            return;
        }
        Map<String, Object> details = view.errorDetails == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(view.errorDetails);
        details.put(key, value);
        view.errorDetails = details;
    }

    /** Each given key whose value is not null, in order. */
    private static Map<String, Object> present(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
