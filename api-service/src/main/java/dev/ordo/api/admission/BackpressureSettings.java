package dev.ordo.api.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.backpressure.*}: when requests that start work are refused with 429.
 *
 * @param enabled           false admits everything
 * @param engineLagEvents   refuse while the engine has more commands and step reports than this waiting
 * @param projectionLagEvents refuse while the projection has more events than this waiting
 * @param retryAfter        the {@code Retry-After} a refusal carries (whole seconds, at least 1)
 * @param maxFigureAge      lag figures older than this count as unknown (and unknown lag refuses nothing)
 */
@ConfigurationProperties("ordo.backpressure")
public record BackpressureSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000") long engineLagEvents,
        @DefaultValue("10000") long projectionLagEvents,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("30s") Duration maxFigureAge) {

    /** Retry-After in whole seconds, rounded up, at least 1. */
    long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
