package dev.ordo.api.executions.history;

import dev.ordo.api.executions.reads.ExecutionProgress;
import dev.ordo.api.executions.reads.ExecutionProgress.StepProgress;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.StepState;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Time travel: the state after the first N events is {@link ExecutionState#fold} of them, the
 * engine's own {@code evolve}; statuses, attempts, outputs and errors come from it alone. The fold
 * keeps no times or inputs, so this walk dates what changed from the envelopes as it evolves the
 * state one event at a time: a step's start is the {@code occurred_at} of the event after which it
 * runs (or waits), its end that of the event after which it is finished; its input is that of the
 * {@code StepScheduled} of its current attempt. The execution's error is read from the event that
 * ended its run. These are the same rules the projection follows, so the state after the last event
 * equals what {@code GET /executions/{id}} reads.
 */
final class StateWalk {

    private static final class StepClock {
        Map<String, Object> input;
        Instant startedAt;
        Instant completedAt;
    }

    private ExecutionState state;
    private final Map<String, StepClock> clocks = new HashMap<>();
    private Instant startedAt;
    private Instant completedAt;
    private Instant updatedAt;
    private String errorMessage;
    private Map<String, Object> errorDetails;

    private StateWalk(UUID executionId) {
        this.state = ExecutionState.unknown(executionId);
    }

    /** The execution after {@code envelopes}, its first events in sequence order. */
    static ExecutionProgress after(UUID executionId, List<EventEnvelope> envelopes) {
        StateWalk walk = new StateWalk(executionId);
        envelopes.forEach(walk::apply);
        return walk.progress();
    }

    private void apply(EventEnvelope envelope) {
        ExecutionEvent event = envelope.event();
        Instant at = envelope.occurredAt();
        ExecutionState before = state;
        state = state.evolve(event);
        updatedAt = at;
        if (event instanceof ExecutionStarted) {
            startedAt = at;
        } else if (event instanceof StepScheduled scheduled) {
            StepClock clock = clock(scheduled.stepName());
            clock.input = scheduled.input();
            clock.startedAt = null;
            clock.completedAt = null;
        } else if (event instanceof IncidentRecorded incident && (errorDetails == null
                || !errorDetails.containsKey("incident"))) {
            addDetail("incident", present("input", incident.input(), "step_name", incident.stepName(),
                    "error", incident.error()));
        }
        state.steps().forEach((name, after) -> dateStep(name, before.step(name), after, at));
        if (before.status() != state.status()) {
            dateExecution(before.status(), event, at);
        }
    }

    private void dateStep(String name, StepState before, StepState after, Instant at) {
        if (before != null && before.status() == after.status()) {
            return;
        }
        StepClock clock = clock(name);
        StepStatus status = after.status();
        if (status == StepStatus.RUNNING || status == StepStatus.WAITING) {
            clock.startedAt = at;
        } else if (status.isFinished()) {
            clock.completedAt = at;
            if (status == StepStatus.COMPLETED && clock.startedAt == null) {
                clock.startedAt = at;
            }
        } else if (status == StepStatus.PENDING && before != null) {
            clock.startedAt = null;
            clock.completedAt = null;
        }
    }

    private void dateExecution(ExecutionStatus before, ExecutionEvent event, Instant at) {
        if (state.status().isTerminal()) {
            completedAt = at;
            recordEnd(event);
        } else if (before.isTerminal()) {
            completedAt = null;
            errorMessage = null;
            errorDetails = null;
        }
    }

    private void recordEnd(ExecutionEvent event) {
        if (event instanceof ExecutionFailed failed) {
            errorMessage = failed.error();
            addDetail("failed_step", failed.failedStep());
        } else if (event instanceof ExecutionCancelled cancelled) {
            errorMessage = cancelled.reason();
        } else if (event instanceof ExecutionTimedOut timedOut) {
            errorMessage = timedOut.reason();
        } else if (event instanceof ExecutionRejected rejected) {
            errorMessage = rejected.reason();
            addDetail("rejected", present("reason", rejected.reason()));
        }
    }

    private ExecutionProgress progress() {
        List<StepProgress> steps = state.definition() == null ? List.of() : state.definition().steps().stream()
                .sorted(Comparator.comparingInt(StepSpec::stepOrder).thenComparing(StepSpec::name))
                .map(spec -> step(spec, state.step(spec.name())))
                .toList();
        return new ExecutionProgress(state.status().apiName(), state.status().isTerminal() ? results() : null,
                startedAt, completedAt, errorMessage, errorDetails, updatedAt, steps);
    }

    private StepProgress step(StepSpec spec, StepState step) {
        StepClock clock = clock(spec.name());
        return new StepProgress(spec.name(), spec.stepOrder(), step.status().apiName(), step.attempt(), clock.input,
                step.output(), clock.startedAt, clock.completedAt, step.error());
    }

    /** As the projection writes them when a run ends: every output there is, and every step's status. */
    private Map<String, Object> results() {
        Map<String, Object> outputs = new LinkedHashMap<>();
        Map<String, Object> statuses = new LinkedHashMap<>();
        state.steps().forEach((name, step) -> {
            if (step.output() != null) {
                outputs.put(name, step.output());
            }
            statuses.put(name, step.status().apiName());
        });
        return Map.of("step_outputs", outputs, "step_statuses", statuses);
    }

    private StepClock clock(String name) {
        return clocks.computeIfAbsent(name, key -> new StepClock());
    }

    private void addDetail(String key, Object value) {
        if (value == null) {
            return;
        }
        Map<String, Object> details = errorDetails == null ? new LinkedHashMap<>() : new LinkedHashMap<>(errorDetails);
        details.put(key, value);
        errorDetails = details;
    }

    private static Map<String, Object> present(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
