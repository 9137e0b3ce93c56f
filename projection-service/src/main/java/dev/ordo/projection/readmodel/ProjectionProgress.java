package dev.ordo.projection.readmodel;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What the projection went through since it started, for its health and its meters: failed
 * attempts at storing the current batch (reset by the next batch stored), sequence gaps seen, and
 * a count of changes to the parked events, so a reader knows when its copy of them is stale.
 */
@Component
public class ProjectionProgress {

    /** The last failure of the batch being retried, or null while batches store. */
    public record BatchFailure(long attempts, Instant since, String error) {
    }

    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong parkingChanges = new AtomicLong();
    private volatile BatchFailure batchFailure;

    synchronized void batchFailed(RuntimeException failure, Instant at) {
        BatchFailure last = batchFailure;
        batchFailure = new BatchFailure(last == null ? 1 : last.attempts() + 1, last == null ? at : last.since(),
                failure.toString());
    }

    synchronized void batchStored(EventLogProjector.Outcome outcome) {
        batchFailure = null;
        gaps.addAndGet(outcome.gaps());
        if (!outcome.parked().isEmpty()) {
            parkingChanges.incrementAndGet();
        }
    }

    public void replayed() {
        parkingChanges.incrementAndGet();
    }

    /** The batch being retried, or null. */
    public BatchFailure batchFailure() {
        return batchFailure;
    }

    /** Sequence gaps seen since start (each one parked). */
    public long gaps() {
        return gaps.get();
    }

    /** Grows whenever events were parked or replayed. */
    public long parkingChanges() {
        return parkingChanges.get();
    }
}
