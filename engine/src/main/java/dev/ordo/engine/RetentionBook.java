package dev.ordo.engine;

import dev.ordo.contract.execution.ExecutionStatus;
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
 * from the start finds the expired ones. Failed and timed-out executions, which can be retried,
 * are kept for the retryable retention instead. An index entry {@code finish-of|<execution>}
 * holds the key of an execution's pending retirement, so a retry that reopens the execution
 * cancels it (index keys start with a letter and never fall in the due range).
 */
final class RetentionBook {

    /** One expired entry: the execution's retention ended, or its tombstone's. */
    record Expiry(UUID executionId, boolean ofTombstone) {
    }

    static final String TOMBSTONE_SUFFIX = "|tombstone";
    private static final String DUE_BOUND = "}";

    static final String FINISH_INDEX_PREFIX = "finish-of|";

    private final KeyValueStore<String, String> expirations;
    private final Duration retention;
    private final Duration retryableRetention;
    private final Duration tombstoneRetention;

    RetentionBook(KeyValueStore<String, String> expirations, EngineOptions options) {
        this.expirations = expirations;
        this.retention = options.finishedRetention();
        this.retryableRetention = options.retryableRetention();
        this.tombstoneRetention = options.tombstoneRetention();
    }

    static String finishedKey(Instant due, UUID executionId) {
        return TimerBook.dueTime(due.toEpochMilli()) + "|" + executionId;
    }

    static String tombstoneKey(Instant due, UUID executionId) {
        return finishedKey(due, executionId) + TOMBSTONE_SUFFIX;
    }

    /** Schedules the retirement of an execution that finished with {@code status} at {@code at}. */
    void finished(UUID executionId, ExecutionStatus status, Instant at) {
        reopened(executionId);
        String key = finishedKey(at.plus(status.isRetryable() ? retryableRetention : retention), executionId);
        expirations.put(key, executionId.toString());
        expirations.put(FINISH_INDEX_PREFIX + executionId, key);
    }

    /** Cancels the pending retirement of an execution that runs again. */
    void reopened(UUID executionId) {
        String pending = expirations.get(FINISH_INDEX_PREFIX + executionId);
        if (pending != null) {
            expirations.delete(pending);
            expirations.delete(FINISH_INDEX_PREFIX + executionId);
        }
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
                boolean ofTombstone = entry.key.endsWith(TOMBSTONE_SUFFIX);
                if (!ofTombstone) {
                    expirations.delete(FINISH_INDEX_PREFIX + executionId);
                }
                expired.add(new Expiry(executionId, ofTombstone));
            }
        }
        return expired;
    }
}
