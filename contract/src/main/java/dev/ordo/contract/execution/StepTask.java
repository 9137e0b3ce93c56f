package dev.ordo.contract.execution;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One attempt of one step, handed to the workers on {@code workflow.step-tasks}. Delivery is at
 * least once; {@link #idempotencyKey()} is the same for every delivery of the same attempt.
 *
 * @param deadline when the attempt times out, or null for none
 */
public record StepTask(
        UUID executionId,
        String stepName,
        String stepType,
        int attempt,
        Map<String, Object> config,
        Map<String, Object> input,
        Instant deadline) {

    public String idempotencyKey() {
        return executionId + ":" + stepName + ":" + attempt;
    }
}
