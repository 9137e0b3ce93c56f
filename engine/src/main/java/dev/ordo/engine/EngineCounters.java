package dev.ordo.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the engine counted since it started, across all its tasks. Counts are of processing
 * attempts: an input processed again after a transaction aborted is counted again.
 */
public final class EngineCounters {

    private final LongAdder incidents = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private final LongAdder decisions = new LongAdder();
    private final LongAdder decidingNanos = new LongAdder();

    /** Inputs the engine failed to handle (it threw, or a record it would write was too large). */
    public long incidents() {
        return incidents.sum();
    }

    /** Records the engine could not read: an undecodable value, or a key that is no execution id. */
    public long unreadableInputs() {
        return unreadable.sum();
    }

    /** Inputs that recorded nothing because their execution is unknown to the engine. */
    public long ignoredInputs() {
        return ignored.sum();
    }

    /** {@code CommandRejected} and {@code ExecutionRejected} events recorded. */
    public long rejections() {
        return rejections.sum();
    }

    /** Inputs the engine decided on (ran {@code decide} for), whatever the decision; attempts, as above. */
    public long decisions() {
        return decisions.sum();
    }

    /** Total time spent in {@code decide} over {@link #decisions()}, in nanoseconds. */
    public long decidingNanos() {
        return decidingNanos.sum();
    }

    void decided(long nanos) {
        decisions.increment();
        decidingNanos.add(nanos);
    }

    void incident() {
        incidents.increment();
    }

    void unreadable() {
        unreadable.increment();
    }

    void ignored() {
        ignored.increment();
    }

    void rejections(long count) {
        rejections.add(count);
    }
}
