package dev.ordo.api.live;

import dev.ordo.api.web.ApiException;
import dev.ordo.contract.wire.JsonCodec;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a client frame: {@code {"action": "subscribe"|"unsubscribe", "execution_id"|"workflow_id": "..."}},
 * with an optional {@code since} for an execution. Anything else is refused with a reason
 * ({@link ApiException}), answered as an {@code error} message.
 */
final class ClientMessages {

    /** What the client asked for. */
    record Request(boolean subscribe, StreamTarget target, Long since) {
    }

    private ClientMessages() {
    }

    static Request read(String text) {
        Map<?, ?> fields;
        try {
            fields = JsonCodec.instance().decode(text, Map.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("Malformed message: expected a JSON object");
        }
        if (fields == null) {
            throw ApiException.badRequest("Malformed message: expected a JSON object");
        }
        Object action = fields.get("action");
        if (!"subscribe".equals(action) && !"unsubscribe".equals(action)) {
            throw ApiException.badRequest("Unknown action: expected \"subscribe\" or \"unsubscribe\"");
        }
        Object execution = fields.get("execution_id");
        Object workflow = fields.get("workflow_id");
        if ((execution == null) == (workflow == null)) {
            throw ApiException.badRequest("Expected exactly one of execution_id and workflow_id");
        }
        StreamTarget target = execution != null
                ? StreamTarget.execution(StreamHandshake.id(String.valueOf(execution), "Execution not found"))
                : StreamTarget.workflow(StreamHandshake.id(String.valueOf(workflow), "Workflow not found"));
        Object since = fields.get("since");
        return new Request("subscribe".equals(action), target,
                since == null ? null : StreamHandshake.since(String.valueOf(since)));
    }
}
