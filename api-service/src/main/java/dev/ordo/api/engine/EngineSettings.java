package dev.ordo.api.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ordo.engine.*}. {@code enabled=false} runs an api-service instance without the engine
 * (REST only); the engine instances share {@code applicationId} and split the partitions.
 */
@ConfigurationProperties("ordo.engine")
public record EngineSettings(boolean enabled, String applicationId, String stateDir, Duration commitInterval,
                             int streamThreads) {
}
