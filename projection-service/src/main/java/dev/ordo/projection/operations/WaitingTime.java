package dev.ordo.projection.operations;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How long the oldest event waiting in a partition may have waited, from successive measurements:
 * 0 while nothing waits; else the time since the later of the last applied event's
 * {@code occurred_at} and the first measurement that found the partition behind. The first bounds
 * the wait of a projection that keeps applying; the second keeps a partition that was idle for
 * long, and just got an event, from reading as late as its idle time.
 */
final class WaitingTime {

    private final Map<Integer, Instant> behindSince = new HashMap<>();

    long millis(int partition, long eventsBehind, Instant lastApplied, Instant now) {
        if (eventsBehind == 0) {
            behindSince.remove(partition);
            return 0;
        }
        Instant since = behindSince.computeIfAbsent(partition, key -> now);
        Instant from = lastApplied != null && lastApplied.isAfter(since) ? lastApplied : since;
        return Math.max(0, now.toEpochMilli() - from.toEpochMilli());
    }
}
