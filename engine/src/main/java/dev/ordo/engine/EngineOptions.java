package dev.ordo.engine;

import java.time.Duration;

/**
 * What the topology needs beyond topic names.
 *
 * @param timerInterval how often the wall-clock punctuator looks for due timers; a timer fires at
 *     most this long after it is due
 * @param finishedRetention how long a finished execution stays in the store, so late reports are
 *     still rejected and recorded; after that it is removed and late reports are only logged
 * @param maxTimersPerRound an upper bound on timers fired by one punctuation, so a backlog cannot
 *     hold up the stream thread; the rest fire on the next rounds
 */
public record EngineOptions(Duration timerInterval, Duration finishedRetention, int maxTimersPerRound) {

    public static final EngineOptions DEFAULTS = new EngineOptions(Duration.ofMillis(100), Duration.ofHours(1), 10_000);

    public EngineOptions {
        timerInterval = timerInterval == null ? DEFAULTS.timerInterval : timerInterval;
        finishedRetention = finishedRetention == null ? DEFAULTS.finishedRetention : finishedRetention;
        maxTimersPerRound = maxTimersPerRound <= 0 ? 10_000 : maxTimersPerRound;
    }
}
