package dev.ordo.worker.tasks;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.worker.handlers.StepOutcome;

/**
 * Runs one attempt of a step and says how it ended; the handler registry in production. May block.
 * {@code progress} carries what the handler says about how far it got to the attempt's heartbeats.
 */
@FunctionalInterface
public interface AttemptRunner {

    StepOutcome run(StepTask task, AttemptProgress progress);
}
