package dev.ordo.projection.rebuild;

import dev.ordo.projection.readmodel.EventLogProjector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The running count of one rebuild, read by {@code GET /admin/rebuild} while the rebuild writes it. */
final class RebuildProgress {

    private final Clock clock;
    private String state = "preparing";
    private final Instant startedAt;
    private Instant replayStartedAt;
    private Instant finishedAt;
    private long eventsApplied;
    private long recordsRead;
    private long parked;
    private Map<Integer, Long> positions = Map.of();
    private Map<Integer, Long> ends = Map.of();
    private Instant pausedAt;
    private Long pausedMillis;
    private String error;

    RebuildProgress(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    synchronized void replaying() {
        state = "replaying";
        replayStartedAt = clock.instant();
    }

    synchronized void applied(int records, EventLogProjector.Outcome outcome) {
        recordsRead += records;
        eventsApplied += outcome.applied();
        parked += outcome.parked().size();
    }

    synchronized void read(Map<Integer, Long> positionsNow, Map<Integer, Long> endsNow) {
        positions = Map.copyOf(positionsNow);
        ends = Map.copyOf(endsNow);
    }

    synchronized void livePaused() {
        state = "swapping";
        pausedAt = clock.instant();
    }

    synchronized void liveResumed() {
        long paused = Duration.between(pausedAt, clock.instant()).toMillis();
        pausedMillis = pausedMillis == null ? paused : pausedMillis + paused;
        state = "done".equals(state) ? state : "replaying";
    }

    synchronized void done() {
        state = "done";
        finishedAt = clock.instant();
    }

    /** Failed, unless the tables were already swapped in: then it stays done. */
    synchronized void failed(Throwable failure) {
        if ("done".equals(state)) {
            return;
        }
        state = "failed";
        finishedAt = clock.instant();
        error = failure.toString();
    }

    synchronized RebuildStatus status() {
        List<RebuildStatus.PartitionStatus> partitions = new ArrayList<>();
        ends.forEach((partition, end) -> {
            long position = positions.getOrDefault(partition, 0L);
            partitions.add(new RebuildStatus.PartitionStatus(partition, position, end, position >= end));
        });
        int caughtUp = (int) partitions.stream().filter(RebuildStatus.PartitionStatus::caughtUp).count();
        return new RebuildStatus(state, startedAt, finishedAt, eventsApplied, recordsRead, parked, eventsPerSecond(),
                caughtUp, partitions.size(), partitions, pausedMillis, error);
    }

    private double eventsPerSecond() {
        if (replayStartedAt == null) {
            return 0;
        }
        long millis = Duration.between(replayStartedAt, finishedAt == null ? clock.instant() : finishedAt).toMillis();
        return millis == 0 ? 0 : Math.round(eventsApplied * 10_000.0 / millis) / 10.0;
    }
}
