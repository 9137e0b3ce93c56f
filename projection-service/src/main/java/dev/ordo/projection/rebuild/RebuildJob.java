package dev.ordo.projection.rebuild;

import dev.ordo.projection.readmodel.EventRecord;
import dev.ordo.projection.readmodel.LogPositions;
import dev.ordo.projection.readmodel.ReadModelTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild, run on its own thread, while the live projection goes on:
 * <ol>
 *   <li>fresh, empty tables ({@link ShadowTables});</li>
 *   <li>the whole log, from its first record, through the same projector as the live tables, a
 *       poll per transaction, until it has read at least to the log's end as it was at the start
 *       and past every record the live tables took;</li>
 *   <li>the live consumer paused, so that its position stands still; the records the live tables
 *       took meanwhile; the tables swapped in one transaction that checks, under locks, that the
 *       fresh tables hold everything the live ones took (other instances' consumers are not paused,
 *       and this check is what makes their batches safe); the live consumer resumed. If the live
 *       consumer does not pause in time, the last records take too long, or the check finds a live
 *       position ahead, it is resumed and the rebuild reads on and tries again (at most
 *       {@value #SWAP_ATTEMPTS} times).</li>
 * </ol>
 * The rebuilt tables may hold events the live consumer has not committed yet: it then gets them
 * again after the swap and, as with any redelivery, they change nothing.
 */
final class RebuildJob {

    static final int SWAP_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(RebuildJob.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ShadowTables shadow;
    private final Supplier<ReadModelTables> shadowTables;
    private final Supplier<LogReader> readers;
    private final LogPositions livePositions;
    private final LivePause live;
    private final Duration pauseTimeout;
    private final Clock clock;
    private final RebuildProgress progress;
    private volatile boolean stopRequested;

    RebuildJob(ShadowTables shadow, Supplier<ReadModelTables> shadowTables, Supplier<LogReader> readers,
               LogPositions livePositions, LivePause live, Duration pauseTimeout, Clock clock) {
        this.shadow = shadow;
        this.shadowTables = shadowTables;
        this.readers = readers;
        this.livePositions = livePositions;
        this.live = live;
        this.pauseTimeout = pauseTimeout;
        this.clock = clock;
        this.progress = new RebuildProgress(clock);
    }

    RebuildStatus status() {
        return progress.status();
    }

    void stop() {
        stopRequested = true;
    }

    void run() {
        try {
            shadow.create();
            ReadModelTables tables = shadowTables.get();
            try (LogReader reader = readers.get()) {
                progress.replaying();
                rebuildAndSwap(reader, tables, reader.endOffsets());
            }
            RebuildStatus done = progress.status();
            log.info("Rebuilt the read model from the log: {} events ({} records) at {} events/s; live consumer "
                    + "paused {} ms", done.eventsApplied(), done.recordsRead(), done.eventsPerSecond(),
                    done.livePausedMillis());
        } catch (RuntimeException | Error e) {
            progress.failed(e);
            log.error("Rebuild of the read model failed, state {} (the live tables change only in state done)",
                    progress.status().state(), e);
            discardQuietly();
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private void rebuildAndSwap(LogReader reader, ReadModelTables tables, Map<Integer, Long> endAtStart) {
        for (int attempt = 1; attempt <= SWAP_ATTEMPTS; attempt++) {
            readUntil(reader, tables, () -> covers(reader, endAtStart), null);
            if (!live.pause(pauseTimeout)) {
                log.warn("The live consumer did not pause within {}; reading on (attempt {})", pauseTimeout, attempt);
                continue;
            }
            progress.livePaused();
            try {
                if (readUntil(reader, tables, () -> covers(reader, endAtStart), clock.instant().plus(pauseTimeout))
                        && shadow.swapIn()) {
                    progress.done();
                    return;
                }
            } finally {
                live.resume();
                progress.liveResumed();
            }
        }
        throw new IllegalStateException("Expected to swap the rebuilt tables in within " + SWAP_ATTEMPTS
                + " pauses of the live consumer, but it did not pause, or the log kept ahead, each time");
    }

    /** Reads and applies until {@code done}; returns false if {@code deadline} (null for none) came first. */
    private boolean readUntil(LogReader reader, ReadModelTables tables, BooleanSupplier done, Instant deadline) {
        Instant endsReadAt = Instant.MIN;
        Map<Integer, Long> ends = Map.of();
        while (!done.getAsBoolean()) {
            if (stopRequested || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Rebuild stopped before it finished");
            }
            if (deadline != null && clock.instant().isAfter(deadline)) {
                return false;
            }
            List<EventRecord> batch = reader.poll(POLL);
            if (!batch.isEmpty()) {
                progress.applied(batch.size(), tables.projector().project(batch));
            }
            if (clock.instant().isAfter(endsReadAt.plusSeconds(1))) {
                ends = reader.endOffsets();
                endsReadAt = clock.instant();
            }
            progress.read(reader.positions(), ends);
        }
        progress.read(reader.positions(), reader.endOffsets());
        return true;
    }

    /** Whether the reader is at least at the log's end as it was at the start, and past all the live tables took. */
    private boolean covers(LogReader reader, Map<Integer, Long> endAtStart) {
        Map<Integer, Long> needed = new HashMap<>(endAtStart);
        livePositions.positions(reader.topic()).forEach(position ->
                needed.merge(position.partition(), position.lastOffset() + 1, Math::max));
        Map<Integer, Long> positions = reader.positions();
        return needed.entrySet().stream().allMatch(entry -> positions.getOrDefault(entry.getKey(), 0L)
                >= entry.getValue());
    }

    private void discardQuietly() {
        try {
            shadow.discard();
        } catch (RuntimeException e) {
            log.warn("Could not drop the unfinished rebuild's tables: {}", e.toString());
        }
    }
}
