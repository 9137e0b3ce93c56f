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
 * When finished executions leave the live stores, and when tombstones go, in the
 * {@value EngineTopology#EXPIRATIONS_STORE} store. A finished execution gets an entry keyed
 * {@code <13-digit epoch ms>|<execution>} at its finish time plus the finished retention; a
 * tombstone, when tombstones have a retention at all, one keyed
 * {@code <13-digit epoch ms>|<execution>|tombstone}. The value is the execution id. A range scan
 * from the start finds the expired ones.
 */
final class RetentionBook {

    /** One expired entry: the execution's retention ended, or its tombstone's. */
    record Expiry(UUID executionId, boolean ofTombstone) {
    }

    static final String TOMBSTONE_SUFFIX = "|tombstone";
    private static final String DUE_BOUND = "}";

    private final KeyValueStore<String, String> expirations;
    private final Duration retention;
    private final Duration tombstoneRetention;

    /** @param tombstoneRetention how long tombstones are kept, or null for ever */
    RetentionBook(KeyValueStore<String, String> expirations, Duration retention, Duration tombstoneRetention) {
        this.expirations = expirations;
        this.retention = retention;
        this.tombstoneRetention = tombstoneRetention;
    }

    static String finishedKey(Instant due, UUID executionId) {
        return TimerBook.dueTime(due.toEpochMilli()) + "|" + executionId;
    }

    static String tombstoneKey(Instant due, UUID executionId) {
        return finishedKey(due, executionId) + TOMBSTONE_SUFFIX;
    }

    void finished(UUID executionId, Instant at) {
        expirations.put(finishedKey(at.plus(retention), executionId), executionId.toString());
    }

    void tombstoned(UUID executionId, Instant at) {
        if (tombstoneRetention != null) {
            expirations.put(tombstoneKey(at.plus(tombstoneRetention), executionId), executionId.toString());
        }
    }

    /** Removes and returns up to {@code limit} entries due by {@code now}, earliest first. */
    List<Expiry> takeExpired(Instant now, int limit) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> range =
                     expirations.range(null, TimerBook.dueTime(now.toEpochMilli()) + DUE_BOUND)) {
            while (range.hasNext() && due.size() < limit) {
                due.add(range.next());
            }
        }
        List<Expiry> expired = new ArrayList<>(due.size());
        for (KeyValue<String, String> entry : due) {
            expirations.delete(entry.key);
            UUID executionId = ExecutionIds.parse(entry.value);
            if (executionId != null) {
                expired.add(new Expiry(executionId, entry.key.endsWith(TOMBSTONE_SUFFIX)));
            }
        }
        return expired;
    }
}
