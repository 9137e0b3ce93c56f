package dev.ordo.api.executions.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/workflows/executions/{execution_id}/events}: events after {@code after_sequence},
 * in sequence order. Ask again with {@code after_sequence = next_after_sequence} for the next page;
 * {@code has_more} says whether events beyond this page are stored already (a running execution
 * adds more later).
 */
public record EventPage(UUID executionId, List<Event> items, long afterSequence, int limit, long nextAfterSequence,
                        boolean hasMore) {

    /** One event: {@code type} is its type name, {@code data} its fields (without the type). */
    public record Event(long sequence, Instant occurredAt, String type, Map<String, Object> data) {
    }
}
