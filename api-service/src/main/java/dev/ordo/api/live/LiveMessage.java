package dev.ordo.api.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * One server message, a JSON text frame with every field present (null when it does not apply).
 *
 * @param sequence the execution's event sequence; null for {@code heartbeat} and {@code error}
 */
record LiveMessage(String eventType, Instant timestamp, UUID workspaceId, UUID workflowId,
                   UUID workflowExecutionId, UUID workflowStepId, Long sequence, Object data, String message) {

    static final String STATE = "execution_state";
    static final String HEARTBEAT = "heartbeat";
    static final String ERROR = "error";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.ALWAYS))
            .build();

    static LiveMessage heartbeat(UUID workspaceId, Instant now) {
        return new LiveMessage(HEARTBEAT, now, workspaceId, null, null, null, null, null, null);
    }

    static LiveMessage error(UUID workspaceId, Instant now, String why) {
        return new LiveMessage(ERROR, now, workspaceId, null, null, null, null, null, why);
    }

    String json() {
        return JSON.writeValueAsString(this);
    }
}
