package dev.ordo.domain.execution;

import java.util.Map;
import java.util.UUID;

/**
 * Exponential backoff with jitter between the attempts of a step, from {@code config.retry_policy}
 * of the step, falling back key by key to the workflow's {@code config.retry_policy}, then to the
 * defaults:
 *
 * <pre>
 * "retry_policy": {
 *   "initial_delay_ms": 1000,   // backoff after attempt 1
 *   "multiplier": 2.0,          // each later backoff is this many times the one before
 *   "max_delay_ms": 60000,      // no backoff is longer
 *   "jitter": 0.2               // up to this fraction is taken off each backoff
 * }
 * </pre>
 *
 * <p>The backoff after attempt {@code n} is {@code min(max_delay_ms, initial_delay_ms * multiplier^(n-1))}
 * minus a jitter share of it. The jitter is not random: it is derived from a hash of execution id,
 * step name and attempt, so the same failure always schedules the same retry and decisions stay pure,
 * while retries of many executions still spread out. Out-of-range values are clamped: delays to at
 * least 0, the multiplier to at least 1, the jitter to [0, 1].
 */
public record RetryPolicy(long initialDelayMillis, double multiplier, long maxDelayMillis, double jitter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(1_000, 2.0, 60_000, 0.2);

    public RetryPolicy {
        initialDelayMillis = Math.max(0, initialDelayMillis);
        multiplier = Math.max(1.0, multiplier);
        maxDelayMillis = Math.max(initialDelayMillis, maxDelayMillis);
        jitter = Math.min(1.0, Math.max(0.0, jitter));
    }

    /** The policy {@code config} asks for, each missing or unreadable key taken from {@code fallback}. */
    static RetryPolicy from(Map<?, ?> config, RetryPolicy fallback) {
        if (config == null) {
            return fallback;
        }
        return new RetryPolicy(
                (long) ConfigValues.number(config.get("initial_delay_ms"), fallback.initialDelayMillis),
                ConfigValues.number(config.get("multiplier"), fallback.multiplier),
                (long) ConfigValues.number(config.get("max_delay_ms"), fallback.maxDelayMillis),
                ConfigValues.number(config.get("jitter"), fallback.jitter));
    }

    /** The backoff after attempt {@code failedAttempt} (from 1) failed. */
    public long delayMillis(UUID executionId, String stepName, int failedAttempt) {
        double base = initialDelayMillis * Math.pow(multiplier, failedAttempt - 1.0);
        double capped = Math.min(maxDelayMillis, base);
        return Math.round(capped * (1.0 - jitter * unitShare(executionId, stepName, failedAttempt)));
    }

    /** A well-spread number in [0, 1), the same for the same arguments on every JVM. */
    static double unitShare(UUID executionId, String stepName, int attempt) {
        long seed = executionId.getMostSignificantBits() * 31 + executionId.getLeastSignificantBits();
        seed = seed * 31 + stepName.hashCode();
        seed = seed * 31 + attempt;
        return (mix(seed) >>> 11) * 0x1.0p-53;
    }

    /** The SplitMix64 finaliser: every input bit affects every output bit. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
