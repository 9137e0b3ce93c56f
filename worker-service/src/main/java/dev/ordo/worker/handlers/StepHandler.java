package dev.ordo.worker.handlers;

import dev.ordo.contract.execution.StepTask;

/**
 * Runs one kind of step, chosen by the task's {@code config.processing_type}. A handler keeps no
 * state between tasks and may be called more than once for the same attempt (delivery is at least
 * once): {@link StepTask#idempotencyKey()} identifies the attempt.
 */
public interface StepHandler {

    /** The {@code processing_type} this handler runs. */
    String processingType();

    StepOutcome handle(StepTask task);
}
