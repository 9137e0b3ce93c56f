package dev.ordo.api.engine;

import dev.ordo.contract.wire.Topics;
import dev.ordo.engine.EngineConfig;
import dev.ordo.engine.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ordo.engine.*}. {@code enabled=false} runs an api-service instance without the engine
 * (REST only); the engine instances share {@code applicationId} and split the partitions, each
 * with its own {@code instanceId} (default: application id and host name). {@code timerInterval}
 * (default 100 ms) is how often due timers are looked for; {@code finishedRetention} (default 1 h)
 * how long a finished execution is kept whole to reject late reports; {@code tombstoneRetention}
 * (default none: for ever) how long its tombstone is kept after that; {@code retryableRetention}
 * (default 7 days) how long a failed or timed-out execution is kept whole, so it can be retried;
 * {@code pollInterval} and {@code cacheMaxBytes} as in {@link EngineConfig}.
 */
@ConfigurationProperties("ordo.engine")
public record EngineSettings(boolean enabled, String applicationId, String instanceId, String stateDir,
                             Duration commitInterval, int streamThreads, Duration timerInterval,
                             Duration finishedRetention, Duration tombstoneRetention,
                             Duration retryableRetention, Duration pollInterval, DataSize cacheMaxBytes) {

    EngineConfig config(String bootstrapServers, Topics topics, short replicationFactor) {
        return new EngineConfig(bootstrapServers, topics, applicationId, instanceId, Path.of(stateDir), commitInterval,
                streamThreads, replicationFactor,
                new EngineOptions(timerInterval, finishedRetention, 0, tombstoneRetention, retryableRetention),
                pollInterval, cacheMaxBytes == null ? -1 : cacheMaxBytes.toBytes());
    }
}
