package dev.ordo.api.executions.stats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.stats.*}: the consumer groups whose figures the stats route reports (the workers' and
 * the projection's, as those services are configured), how long broker figures are reused, and how
 * long the broker may take to answer before they are reported unknown.
 */
@ConfigurationProperties("ordo.stats")
public record StatsSettings(
        @DefaultValue("ordo-workers") String workerGroup,
        @DefaultValue("ordo-projection") String projectionGroup,
        @DefaultValue("1s") Duration cacheFor,
        @DefaultValue("2s") Duration brokerTimeout) {
}
