package dev.ordo.events.execution;

import java.util.Map;

/**
 * One step of one execution.
 *
 * @param attempt the current attempt, 0 before the first is scheduled
 */
public record StepState(StepStatus status, int attempt, Map<String, Object> output, String error) {

    public static StepState pending() {
        return new StepState(StepStatus.PENDING, 0, null, null);
    }

    public StepState scheduled(int newAttempt) {
        return new StepState(StepStatus.QUEUED, newAttempt, null, null);
    }

    public StepState withStatus(StepStatus newStatus) {
        return new StepState(newStatus, attempt, output, error);
    }

    public StepState succeeded(Map<String, Object> result) {
        return new StepState(StepStatus.COMPLETED, attempt, result, null);
    }

    public StepState failed(String reason) {
        return new StepState(StepStatus.FAILED, attempt, output, reason);
    }
}
