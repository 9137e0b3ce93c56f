package dev.ordo.cli.executions;

import dev.ordo.cli.Api;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The history route ({@code /events}) read page by page, to its recorded end. */
final class EventHistory {

    private static final int PAGE = 1000;

    private EventHistory() {
    }

    /**
     * Hands every event recorded after {@code after} to {@code each}, in sequence order.
     *
     * @return the last sequence handed over, or {@code after} when there was none
     */
    static long forEachAfter(Api api, String executionId, long after, Consumer<JsonNode> each) {
        long last = after;
        while (true) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("after_sequence", last);
            query.put("limit", PAGE);
            JsonNode page = api.get("/api/workflows/executions/" + executionId + "/events", query);
            for (JsonNode event : page.path("items")) {
                last = event.path("sequence").asLong();
                each.accept(event);
            }
            if (!page.path("has_more").asBoolean(false) || page.path("items").isEmpty()) {
                return last;
            }
        }
    }
}
