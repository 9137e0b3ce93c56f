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
 * @param retryableRetention how long a failed or timed-out execution stays whole (default 7 days):
 *     a retry needs its steps' outputs, so it can be retried only within this time
 */
public record EngineOptions(Duration timerInterval, Duration finishedRetention, int maxTimersPerRound,
                            Duration tombstoneRetention, Duration retryableRetention) {

    public static final EngineOptions DEFAULTS = new EngineOptions(Duration.ofMillis(100), Duration.ofHours(1), 10_000,
            null, Duration.ofDays(7));

    public EngineOptions {
        timerInterval = timerInterval == null ? DEFAULTS.timerInterval : timerInterval;
        finishedRetention = finishedRetention == null ? DEFAULTS.finishedRetention : finishedRetention;
        maxTimersPerRound = maxTimersPerRound <= 0 ? 10_000 : maxTimersPerRound;
        retryableRetention = retryableRetention == null ? DEFAULTS.retryableRetention : retryableRetention;
        tombstoneRetention = tombstoneRetention == null || tombstoneRetention.isZero() || tombstoneRetention.isNegative()
                ? null : tombstoneRetention;
    }

    /** Failed and timed-out executions kept whole for the default 7 days, so they can be retried. */
    public EngineOptions(Duration timerInterval, Duration finishedRetention, int maxTimersPerRound,
                         Duration tombstoneRetention) {
        this(timerInterval, finishedRetention, maxTimersPerRound, tombstoneRetention, null);
    }

    /** Tombstones kept for ever. */
    public EngineOptions(Duration timerInterval, Duration finishedRetention, int maxTimersPerRound) {
        this(timerInterval, finishedRetention, maxTimersPerRound, null, null);
    }
}
