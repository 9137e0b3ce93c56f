package dev.ordo.domain.execution;

import dev.ordo.contract.execution.StepStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One step of one execution.
 *
 * @param attempt the current (or last) attempt, 0 before the first is scheduled and for steps the
 *     engine completes itself; it keeps counting across the runs of a retried execution
 * @param deadline when the in-flight attempt times out, or null for no step timeout
 * @param wakeAt when a retrying step's next attempt is due, or a waiting delay step ends
 * @param priorAttempts the attempts made before the latest retry of the execution ran this step
 *     again, or null when no retry did (or it had none); attempts after it form the current run,
 *     which has the step's {@code max_retries} to itself
 */
public record StepState(StepStatus status, int attempt, Map<String, Object> output, String error,
                        Instant deadline, Instant wakeAt, Integer priorAttempts) {

    public static StepState pending() {
        return new StepState(StepStatus.PENDING, 0, null, null, null, null, null);
    }

    public StepState scheduled(int newAttempt, Instant attemptDeadline) {
        return new StepState(StepStatus.QUEUED, newAttempt, null, null, attemptDeadline, null, priorAttempts);
    }

    /** The same step with this output and error: how a store that keeps large payloads apart puts them back. */
    public StepState withPayload(Map<String, Object> newOutput, String newError) {
        return new StepState(status, attempt, newOutput, newError, deadline, wakeAt, priorAttempts);
    }

    public StepState withStatus(StepStatus newStatus) {
        return new StepState(newStatus, attempt, output, error, deadline, wakeAt, priorAttempts);
    }

    public StepState succeeded(Map<String, Object> result) {
        return new StepState(StepStatus.COMPLETED, attempt, result, null, null, null, priorAttempts);
    }

    public StepState failed(StepStatus failure, String reason) {
        return new StepState(failure, attempt, output, reason, null, null, priorAttempts);
    }

    /**
     * Attempt {@code failedAttempt} failed for good or for now; for a report it is the current
     * attempt, for a launch that could not hand its task out it is the attempt that was to start.
     */
    public StepState failedAttempt(int failedAttempt, String reason) {
        return new StepState(StepStatus.FAILED, failedAttempt, output, reason, null, null, priorAttempts);
    }

    public StepState sleeping(StepStatus waiting, Instant until) {
        return new StepState(waiting, attempt, output, error, null, until, priorAttempts);
    }

    /** Pending again for a retry of the execution: its attempts so far become prior ones. */
    public StepState reopened() {
        return new StepState(StepStatus.PENDING, attempt, null, null, null, null, attempt == 0 ? null : attempt);
    }

    /** Which attempt of the current run {@code stepAttempt} is: 1 for the run's first. */
    public int attemptInRun(int stepAttempt) {
        return priorAttempts == null ? stepAttempt : stepAttempt - priorAttempts;
    }
}
