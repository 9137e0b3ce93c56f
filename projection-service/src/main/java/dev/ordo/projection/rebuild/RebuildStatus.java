package dev.ordo.projection.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /admin/rebuild} answers: where the last rebuild stands.
 *
 * @param state {@code idle} (none since start), {@code preparing} (creating the fresh tables),
 *     {@code replaying} (reading the log into them), {@code swapping} (live consumer paused, taking
 *     the last records and swapping the tables), {@code done} or {@code failed}
 * @param eventsApplied events folded into the fresh tables (records read include redelivered and parked ones)
 * @param eventsPerSecond events applied per second of replaying
 * @param partitionsCaughtUp partitions whose position reached their end offset as last read
 * @param livePausedMillis how long the live consumer was paused for the swap
 */
public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, long eventsApplied, long recordsRead,
                            long parked, double eventsPerSecond, int partitionsCaughtUp, int partitionsTotal,
                            List<PartitionStatus> partitions, Long livePausedMillis, String error) {

    /** One partition: the rebuild's next offset to read, and the log's end. */
    public record PartitionStatus(int partition, long position, long endOffset, boolean caughtUp) {
    }

    static RebuildStatus idle() {
        return new RebuildStatus("idle", null, null, 0, 0, 0, 0, 0, 0, List.of(), null, null);
    }

    boolean isRunning() {
        return !List.of("idle", "done", "failed").contains(state);
    }
}
