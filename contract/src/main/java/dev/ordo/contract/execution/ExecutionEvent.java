package dev.ordo.contract.execution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.ordo.contract.definition.WorkflowSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fact about one execution, recorded on {@code workflow.execution-events}. Events are never
 * changed once released: a new meaning gets a new type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ExecutionEvent.ExecutionStarted.class, name = "ExecutionStarted"),
    @JsonSubTypes.Type(value = ExecutionEvent.StepScheduled.class, name = "StepScheduled"),
    @JsonSubTypes.Type(value = ExecutionEvent.StepStarted.class, name = "StepStarted"),
    @JsonSubTypes.Type(value = ExecutionEvent.StepHeartbeatRecorded.class, name = "StepHeartbeatRecorded"),
    @JsonSubTypes.Type(value = ExecutionEvent.StepSucceeded.class, name = "StepSucceeded"),
    @JsonSubTypes.Type(value = ExecutionEvent.StepFailed.class, name = "StepFailed"),
    @JsonSubTypes.Type(value = ExecutionEvent.StepSkipped.class, name = "StepSkipped"),
    @JsonSubTypes.Type(value = ExecutionEvent.StepTimedOut.class, name = "StepTimedOut"),
    @JsonSubTypes.Type(value = ExecutionEvent.StepRetryScheduled.class, name = "StepRetryScheduled"),
    @JsonSubTypes.Type(value = ExecutionEvent.DelayStarted.class, name = "DelayStarted"),
    @JsonSubTypes.Type(value = ExecutionEvent.ExecutionCompleted.class, name = "ExecutionCompleted"),
    @JsonSubTypes.Type(value = ExecutionEvent.ExecutionFailed.class, name = "ExecutionFailed"),
    @JsonSubTypes.Type(value = ExecutionEvent.ExecutionCancelled.class, name = "ExecutionCancelled"),
    @JsonSubTypes.Type(value = ExecutionEvent.ExecutionTimedOut.class, name = "ExecutionTimedOut"),
    @JsonSubTypes.Type(value = ExecutionEvent.CommandRejected.class, name = "CommandRejected"),
    @JsonSubTypes.Type(value = ExecutionEvent.ExecutionRejected.class, name = "ExecutionRejected"),
    @JsonSubTypes.Type(value = ExecutionEvent.IncidentRecorded.class, name = "IncidentRecorded"),
    @JsonSubTypes.Type(value = ExecutionEvent.ExecutionRetried.class, name = "ExecutionRetried")
})
public sealed interface ExecutionEvent {

    /**
     * Terminal events end a run of an execution: exactly one ends each run. The first run begins
     * with {@link ExecutionStarted}, each later one with an {@link ExecutionRetried}.
     */
    @JsonIgnore
    default boolean isTerminal() {
        return false;
    }

    /**
     * The first event of every execution; it carries everything needed to rebuild its state.
     *
     * @param deadline when the execution times out (the workflow's {@code timeout_seconds} after
     *     the start), or null for never; absent in events recorded before timeouts existed
     */
    record ExecutionStarted(
            UUID workflowId,
            int workflowVersion,
            UUID workspaceId,
            UUID projectId,
            WorkflowSnapshot definition,
            Map<String, Object> inputs,
            Instant deadline) implements ExecutionEvent {
    }

    /**
     * Attempt {@code attempt} (from 1) of a step was handed to the workers with this input.
     *
     * @param deadline when this attempt times out (the step's {@code timeout_seconds} after
     *     scheduling), or null when the step has no timeout
     */
    record StepScheduled(String stepName, int attempt, Map<String, Object> input, Instant deadline)
            implements ExecutionEvent {
    }

    /**
     * A worker took attempt {@code attempt} and runs it.
     *
     * @param heartbeatDeadline when the attempt times out unless a heartbeat comes first (the step's
     *     {@code config.heartbeat_timeout_seconds} after the start), or null when the step has no
     *     heartbeat timeout; absent in events recorded before heartbeats were watched
     */
    record StepStarted(String stepName, int attempt, String workerId, Instant heartbeatDeadline)
            implements ExecutionEvent {

        public StepStarted(String stepName, int attempt, String workerId) {
            this(stepName, attempt, workerId, null);
        }
    }

    /**
     * A heartbeat of the running attempt {@code attempt} that the engine relies on: it moved the
     * heartbeat deadline by more than half the step's heartbeat timeout, or it brought new progress.
     * Heartbeats in between are accepted and record nothing, so a running step adds at most about
     * two of these per heartbeat timeout (three when every heartbeat brings new progress).
     *
     * @param progress what the handler last said about how far it got, or null for nothing
     * @param heartbeatDeadline when the attempt times out unless another heartbeat comes first, or
     *     null when the step has no heartbeat timeout (then only progress is recorded)
     */
    record StepHeartbeatRecorded(String stepName, int attempt, Map<String, Object> progress,
                                 Instant heartbeatDeadline) implements ExecutionEvent {
    }

    record StepSucceeded(String stepName, int attempt, Map<String, Object> output) implements ExecutionEvent {
    }

    record StepFailed(String stepName, int attempt, String error, boolean retryable) implements ExecutionEvent {
    }

    record StepSkipped(String stepName, String reason) implements ExecutionEvent {
    }

    /** Attempt {@code attempt} did not finish before its deadline; its reports are refused from now on. */
    record StepTimedOut(String stepName, int attempt, String error) implements ExecutionEvent {
    }

    /**
     * The step's last attempt failed or timed out and attempt {@code attempt} will be scheduled at
     * {@code dueAt}, after a backoff of {@code delayMillis}.
     */
    record StepRetryScheduled(String stepName, int attempt, Instant dueAt, long delayMillis) implements ExecutionEvent {
    }

    /** A {@code delay} step started waiting; it completes, passing its input on, at {@code until}. */
    record DelayStarted(String stepName, Instant until) implements ExecutionEvent {
    }

    record ExecutionCompleted() implements ExecutionEvent {
        @Override
        @JsonIgnore
        public boolean isTerminal() {
            return true;
        }
    }

    /** Every step not yet finished is cancelled with the execution. */
    record ExecutionFailed(String failedStep, String error) implements ExecutionEvent {
        @Override
        @JsonIgnore
        public boolean isTerminal() {
            return true;
        }
    }

    /** Every step not yet finished is cancelled with the execution. */
    record ExecutionCancelled(String reason) implements ExecutionEvent {
        @Override
        @JsonIgnore
        public boolean isTerminal() {
            return true;
        }
    }

    /**
     * The execution ran out of time: attempts in flight are timed out, every other unfinished step
     * is cancelled.
     */
    record ExecutionTimedOut(String reason) implements ExecutionEvent {
        @Override
        @JsonIgnore
        public boolean isTerminal() {
            return true;
        }
    }

    /**
     * A command or report the engine refused; recorded so the refusal is visible, and it changes
     * nothing else.
     *
     * @param input the refused input's type name, e.g. {@code StepSucceededReport}
     * @param stepName the step the input was about, if any
     */
    record CommandRejected(String input, String stepName, Integer attempt, String reason) implements ExecutionEvent {
    }

    /**
     * The first and only event of an execution whose start the engine refused (its command could
     * not be read, or its definition cannot run): the execution never ran and reads as failed.
     * Fields the engine could not read are null (and {@code workflowVersion} 0).
     */
    record ExecutionRejected(UUID workflowId, int workflowVersion, UUID workspaceId, UUID projectId, String reason)
            implements ExecutionEvent {
        @Override
        @JsonIgnore
        public boolean isTerminal() {
            return true;
        }
    }

    /**
     * The engine failed while handling an input of this execution (a defect, or a value the rules did
     * not foresee). Recorded so the failure is visible in the history; a running execution is failed
     * with it in the same decision, and the partition moves on.
     *
     * @param input the input's type name, e.g. {@code StepSucceededReport}, or {@code undecodable}
     * @param stepName the step the input was about, if any
     */
    record IncidentRecorded(String input, String stepName, String error) implements ExecutionEvent {
    }

    /**
     * A failed or timed-out execution runs again, under the same id: the run this event begins
     * ends, like the first, with exactly one terminal event. Each step in {@code steps} is pending
     * again and keeps its attempt count, so its next attempt is its last one plus 1; every other
     * step (completed or skipped) keeps its status and output. What is ready is scheduled at once.
     *
     * @param steps the steps run again, in definition order: every failed, timed-out and cancelled step
     * @param stepInputs by step name, the input given for some of {@code steps}; it replaces the
     *     input the step would get, for every attempt of this run; empty for none
     * @param deadline when this run times out (the workflow's {@code timeout_seconds} after the
     *     retry), or null for never
     * @param reason why the execution runs again, e.g. {@code retried on request after it failed}
     */
    record ExecutionRetried(List<String> steps, Map<String, Map<String, Object>> stepInputs, Instant deadline,
                            String reason) implements ExecutionEvent {

        public ExecutionRetried {
            steps = steps == null ? List.of() : steps;
            stepInputs = stepInputs == null ? Map.of() : stepInputs;
        }
    }
}
