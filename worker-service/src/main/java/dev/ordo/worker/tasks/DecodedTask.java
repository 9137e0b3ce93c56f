package dev.ordo.worker.tasks;

import dev.ordo.contract.execution.StepTask;
import java.util.UUID;

/** What a record on the tasks topic turned out to be. */
sealed interface DecodedTask {

    /** A task to run. */
    record Readable(StepTask task) implements DecodedTask {
    }

    /** A task that cannot be read but names its attempt: the attempt is reported failed, terminally. */
    record Unreadable(UUID executionId, String stepName, int attempt, String problem) implements DecodedTask {
    }

    /** A record that names no attempt, so nothing can be reported about it: it is logged, counted and skipped. */
    record Unattributable(String problem) implements DecodedTask {
    }
}
