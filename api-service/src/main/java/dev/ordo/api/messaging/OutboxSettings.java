package dev.ordo.api.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.outbox.*}: how often the sweeper looks for commands left unpublished, how many it
 * publishes per round, and how long published rows are kept before they are deleted.
 */
@ConfigurationProperties("ordo.outbox")
public record OutboxSettings(
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("500") int sweepBatch,
        @DefaultValue("5m") Duration publishedRetention) {
}
