package dev.ordo.api.engine;

import dev.ordo.engine.EngineOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ordo.engine.*}. {@code enabled=false} runs an api-service instance without the engine
 * (REST only); the engine instances share {@code applicationId} and split the partitions, each
 * with its own {@code instanceId} (default: application id and host name). {@code timerInterval}
 * (default 100 ms) is how often due timers are looked for; {@code finishedRetention} (default 1 h)
 * how long a finished execution is kept to reject late reports.
 */
@ConfigurationProperties("ordo.engine")
public record EngineSettings(boolean enabled, String applicationId, String instanceId, String stateDir,
                             Duration commitInterval, int streamThreads, Duration timerInterval,
                             Duration finishedRetention) {

    /** Without a configured instance id, the host name: unique per machine or container. */
    public EngineSettings {
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = applicationId + "-" + hostName();
        }
    }

    EngineOptions options() {
        return new EngineOptions(timerInterval, finishedRetention, 0);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
