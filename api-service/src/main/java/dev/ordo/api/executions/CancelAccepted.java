package dev.ordo.api.executions;

import java.util.UUID;

/** The answer to an accepted cancel: the command is durably on the broker; the engine ends the execution. */
public record CancelAccepted(String status, UUID executionId, String message) {

    static CancelAccepted of(UUID executionId) {
        return new CancelAccepted("cancelling", executionId, "Cancellation requested; the execution stops shortly");
    }
}
