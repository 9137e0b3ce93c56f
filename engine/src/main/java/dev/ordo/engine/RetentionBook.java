package dev.ordo.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When finished executions leave the executions store: each finished execution gets an entry
 * keyed {@code <13-digit epoch ms>|<execution>} at its finish time plus the retention; a range scan
 * from the start finds the expired ones.
 */
final class RetentionBook {

    private static final String DUE_BOUND = "}";

    private final KeyValueStore<String, String> expirations;
    private final Duration retention;

    RetentionBook(KeyValueStore<String, String> expirations, Duration retention) {
        this.expirations = expirations;
        this.retention = retention;
    }

    void finished(UUID executionId, Instant at) {
        expirations.put(TimerBook.dueTime(at.plus(retention).toEpochMilli()) + "|" + executionId, executionId.toString());
    }

    /** Removes and returns up to {@code limit} executions whose retention ended by {@code now}. */
    List<String> takeExpired(Instant now, int limit) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> range =
                     expirations.range(null, TimerBook.dueTime(now.toEpochMilli()) + DUE_BOUND)) {
            while (range.hasNext() && due.size() < limit) {
                due.add(range.next());
            }
        }
        List<String> expired = new ArrayList<>(due.size());
        for (KeyValue<String, String> entry : due) {
            expirations.delete(entry.key);
            expired.add(entry.value);
        }
        return expired;
    }
}
