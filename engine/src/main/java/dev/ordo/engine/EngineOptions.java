package dev.ordo.engine;

import java.time.Duration;

/**
 * What the topology needs beyond topic names.
 *
 * @param timerInterval how often the wall-clock punctuator looks for due timers; a timer fires at
 *     most this long after it is due
 * @param finishedRetention how long a finished execution stays whole in the stores, so late reports
 *     are rejected with the reason its steps give; after that only its tombstone is left
 * @param maxTimersPerRound an upper bound on timers fired (and executions retired) by one
 *     punctuation, so a backlog cannot hold up the stream thread; the rest follow on the next rounds
 * @param tombstoneRetention how long a tombstone is kept after it is written, or null (the
 *     default) to keep it for ever; once it is gone the id could be started again
 */
public record EngineOptions(Duration timerInterval, Duration finishedRetention, int maxTimersPerRound,
                            Duration tombstoneRetention) {

    public static final EngineOptions DEFAULTS = new EngineOptions(Duration.ofMillis(100), Duration.ofHours(1), 10_000,
            null);

    public EngineOptions {
        timerInterval = timerInterval == null ? DEFAULTS.timerInterval : timerInterval;
        finishedRetention = finishedRetention == null ? DEFAULTS.finishedRetention : finishedRetention;
        maxTimersPerRound = maxTimersPerRound <= 0 ? 10_000 : maxTimersPerRound;
        tombstoneRetention = tombstoneRetention == null || tombstoneRetention.isZero() || tombstoneRetention.isNegative()
                ? null : tombstoneRetention;
    }

    /** Tombstones kept for ever. */
    public EngineOptions(Duration timerInterval, Duration finishedRetention, int maxTimersPerRound) {
        this(timerInterval, finishedRetention, maxTimersPerRound, null);
    }
}
