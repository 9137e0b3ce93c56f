package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The engine's state of one execution: a fold of its events with {@link #evolve}.
 *
 * <p>{@code version} counts the events applied, so the next event's sequence is {@code version + 1}.
 * {@code evolve} never validates: an event has already happened. It is the only code that changes
 * an execution's state. A finished execution may be kept as a tombstone ({@link #finished}): no
 * {@code start}, no steps.
 *
 * <p>The state after any prefix of an execution's events is {@link #fold} of that prefix: the
 * state as it stood after that event (time travel), the same one the engine held then.
 *
 * @param lastRetry the retry that began the current run, or null while the execution is in its
 *     first run; it holds the run's deadline and the step inputs given for it
 */
public record ExecutionState(
        UUID executionId,
        ExecutionStatus status,
        long version,
        ExecutionStarted start,
        Map<String, StepState> steps,
        ExecutionRetried lastRetry) {

    public static ExecutionState unknown(UUID executionId) {
        return new ExecutionState(executionId, ExecutionStatus.UNKNOWN, 0, null, Map.of(), null);
    }

    /** The state after {@code events}, the first events of execution {@code executionId} in sequence order. */
    public static ExecutionState fold(UUID executionId, List<? extends ExecutionEvent> events) {
        ExecutionState state = unknown(executionId);
        for (ExecutionEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    /**
     * The tombstone the engine keeps of a finished execution once its full state is gone: only its
     * id, final status and last sequence. Every later command or report is rejected with the next
     * sequence, so a redelivered start never runs twice and late reports stay visible.
     */
    public static ExecutionState finished(UUID executionId, ExecutionStatus status, long lastSequence) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("Expected a terminal status for a finished execution, but it is " + status);
        }
        return new ExecutionState(executionId, status, lastSequence, null, Map.of(), null);
    }

    public WorkflowSnapshot definition() {
        return start == null ? null : start.definition();
    }

    /** When the current run times out, or null for never. */
    public Instant deadline() {
        if (lastRetry != null) {
            return lastRetry.deadline();
        }
        return start == null ? null : start.deadline();
    }

    /** The input the retry that began the current run gave step {@code name}, or null for none. */
    public Map<String, Object> givenInput(String name) {
        return lastRetry == null ? null : lastRetry.stepInputs().get(name);
    }

    /**
     * The same state with this start and these steps: how a store that keeps the start and large
     * step payloads apart puts the state back together (and takes it apart, with a null start).
     */
    public ExecutionState reassembled(ExecutionStarted newStart, Map<String, StepState> newSteps) {
        return new ExecutionState(executionId, status, version, newStart, Collections.unmodifiableMap(
                new LinkedHashMap<>(newSteps)), lastRetry);
    }

    public StepState step(String name) {
        return steps.get(name);
    }

    public ExecutionState evolve(ExecutionEvent event) {
        ExecutionState next = apply(event);
        return new ExecutionState(next.executionId, next.status, version + 1, next.start, next.steps, next.lastRetry);
    }

    private ExecutionState apply(ExecutionEvent event) {
        if (event instanceof ExecutionStarted started) {
            Map<String, StepState> initial = new LinkedHashMap<>();
            started.definition().steps().forEach(step -> initial.put(step.name(), StepState.pending()));
            return new ExecutionState(executionId, ExecutionStatus.RUNNING, version, started,
                    Collections.unmodifiableMap(initial), null);
        } else if (event instanceof StepScheduled scheduled) {
            return withStep(scheduled.stepName(), step -> step.scheduled(scheduled.attempt(), scheduled.deadline()));
        } else if (event instanceof StepStarted started) {
            return withStep(started.stepName(), step -> step.withStatus(StepStatus.RUNNING));
        } else if (event instanceof StepSucceeded succeeded) {
            return withStep(succeeded.stepName(), step -> step.succeeded(succeeded.output()));
        } else if (event instanceof StepFailed failed) {
            return withStep(failed.stepName(), step -> step.failedAttempt(failed.attempt(), failed.error()));
        } else if (event instanceof StepTimedOut timedOut) {
            return withStep(timedOut.stepName(), step -> step.failed(StepStatus.TIMED_OUT, timedOut.error()));
        } else if (event instanceof StepRetryScheduled retry) {
            return withStep(retry.stepName(), step -> step.sleeping(StepStatus.RETRYING, retry.dueAt()));
        } else if (event instanceof DelayStarted delay) {
            return withStep(delay.stepName(), step -> step.sleeping(StepStatus.WAITING, delay.until()));
        } else if (event instanceof StepSkipped skipped) {
            return withStep(skipped.stepName(), step -> step.withStatus(StepStatus.SKIPPED));
        } else if (event instanceof ExecutionCompleted) {
            return withStatus(ExecutionStatus.COMPLETED);
        } else if (event instanceof ExecutionFailed) {
            return withStatus(ExecutionStatus.FAILED).endUnfinishedSteps(StepStatus.CANCELLED);
        } else if (event instanceof ExecutionCancelled) {
            return withStatus(ExecutionStatus.CANCELLED).endUnfinishedSteps(StepStatus.CANCELLED);
        } else if (event instanceof ExecutionTimedOut) {
            return withStatus(ExecutionStatus.TIMED_OUT).endUnfinishedSteps(StepStatus.TIMED_OUT);
        } else if (event instanceof ExecutionRejected) {
            return withStatus(ExecutionStatus.FAILED);
        } else if (event instanceof ExecutionRetried retried) {
            return reopened(retried);
        } else if (event instanceof CommandRejected || event instanceof IncidentRecorded) {
            return this;
        }
        throw new IllegalArgumentException("Unhandled event type " + event.getClass().getName());
    }

    private ExecutionState withStatus(ExecutionStatus newStatus) {
        return new ExecutionState(executionId, newStatus, version, start, steps, lastRetry);
    }

    private ExecutionState withStep(String name, UnaryOperator<StepState> change) {
        Map<String, StepState> copy = new LinkedHashMap<>(steps);
        copy.computeIfPresent(name, (key, step) -> change.apply(step));
        return new ExecutionState(executionId, status, version, start, Collections.unmodifiableMap(copy), lastRetry);
    }

    /** Running again: the retried steps are pending, every other step stays as it ended. */
    private ExecutionState reopened(ExecutionRetried retried) {
        Map<String, StepState> copy = new LinkedHashMap<>(steps);
        retried.steps().forEach(name -> copy.computeIfPresent(name, (key, step) -> step.reopened()));
        return new ExecutionState(executionId, ExecutionStatus.RUNNING, version, start,
                Collections.unmodifiableMap(copy), retried);
    }

    /** Steps in flight or waiting take {@code interrupted}; every other unfinished step is cancelled. */
    private ExecutionState endUnfinishedSteps(StepStatus interrupted) {
        Map<String, StepState> copy = new LinkedHashMap<>(steps);
        copy.replaceAll((name, step) -> step.status().isFinished() ? step
                : step.failed(step.status().isInFlight() || step.status() == StepStatus.WAITING
                        ? interrupted : StepStatus.CANCELLED, step.error()));
        return new ExecutionState(executionId, status, version, start, Collections.unmodifiableMap(copy), lastRetry);
    }
}
