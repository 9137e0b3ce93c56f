package dev.ordo.contract.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live worker registry, folded from {@code workflow.workers} ({@link Topics#workers()}): feed it
 * every record from the beginning ({@link #apply}) and ask who is alive. A worker is alive while its
 * last announcement is younger than {@link #GONE_AFTER} (three announcements) and it has not
 * deleted its entry; so a worker that died without a clean stop is gone within 15 s. Thread-safe:
 * one thread may apply records while others ask.
 */
public final class LiveWorkers {

    public static final Duration ANNOUNCE_INTERVAL = Duration.ofSeconds(5);
    public static final Duration GONE_AFTER = ANNOUNCE_INTERVAL.multipliedBy(3);

    private final Map<String, WorkerAnnouncement> latest = new ConcurrentHashMap<>();

    /** One record of the topic: an announcement, or a tombstone ({@code value} null) for a clean stop. */
    public void apply(String workerId, byte[] value) {
        if (value == null) {
            latest.remove(workerId);
            return;
        }
        latest.put(workerId, JsonCodec.instance().decode(value, WorkerAnnouncement.class));
    }

    /** The workers alive at {@code now}, by id. */
    public List<WorkerAnnouncement> live(Instant now) {
        Instant cutoff = now.minus(GONE_AFTER);
        return latest.values().stream().filter(worker -> worker.seenAt().isAfter(cutoff))
                .sorted(Comparator.comparing(WorkerAnnouncement::workerId)).toList();
    }

    /** Whether some live worker has every one of {@code required} (always, for none but a live worker). */
    public boolean canServe(Collection<String> required, Instant now) {
        return live(now).stream().anyMatch(worker -> worker.capabilities().containsAll(required));
    }
}
