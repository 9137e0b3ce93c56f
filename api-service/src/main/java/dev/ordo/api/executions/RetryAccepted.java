package dev.ordo.api.executions;

import java.util.UUID;

/** The answer to an accepted retry: the command is committed; the engine runs the execution again. */
public record RetryAccepted(String status, UUID executionId, String message) {

    static RetryAccepted of(UUID executionId) {
        return new RetryAccepted("retrying", executionId,
                "Retry requested; the execution runs again from its failed, timed-out and cancelled steps");
    }
}
