package dev.ordo.api.live;

import java.util.UUID;

/** An event message ready to send: serialised once, however many connections get it. */
record Frame(UUID executionId, long sequence, String json) {

    static Frame of(LiveMessage message) {
        return new Frame(message.workflowExecutionId(), message.sequence(), message.json());
    }
}
