package dev.ordo.contract.wire;

import java.time.Instant;
import java.util.List;

/**
 * What a running worker instance says about itself on {@code workflow.workers} (compacted, keyed by
 * {@code workerId}) every {@link LiveWorkers#ANNOUNCE_INTERVAL}; a clean stop deletes its entry
 * (a tombstone, a null value).
 *
 * @param capabilities what it offers {@code agent} steps, sorted; empty for none
 * @param concurrency how many tasks it runs at once
 * @param tasksInFlight tasks taken and not yet done when it announced itself
 * @param seenAt when it announced itself
 */
public record WorkerAnnouncement(String workerId, List<String> capabilities, int concurrency, int tasksInFlight,
                                 Instant seenAt) {

    public WorkerAnnouncement {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
