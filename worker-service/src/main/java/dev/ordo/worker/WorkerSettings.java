package dev.ordo.worker;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param concurrency   how many tasks one worker instance runs at once ({@code ORDO_WORKER_CONCURRENCY})
 * @param shutdownGrace how long a stopping worker lets its tasks in flight finish and report
 *                      ({@code ORDO_WORKER_SHUTDOWN_GRACE}); keep it below {@code max.poll.interval.ms}
 * @param capabilities  what this worker pool offers {@code agent} steps ({@code ORDO_WORKER_CAPABILITIES},
 *                      comma-separated, default none): it takes the tasks of every step whose
 *                      {@code required_capabilities} are among them, besides the plain tasks
 */
@ConfigurationProperties("ordo.worker")
record WorkerSettings(int concurrency, Duration shutdownGrace, List<String> capabilities) {

    private static final Pattern CAPABILITY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    WorkerSettings {
        capabilities = capabilities == null ? List.of()
                : capabilities.stream().map(String::trim).filter(name -> !name.isEmpty()).distinct().toList();
        for (String name : capabilities) {
            if (!CAPABILITY.matcher(name).matches()) {
                throw new IllegalArgumentException("Expected ORDO_WORKER_CAPABILITIES to hold names of letters, digits,"
                        + " '_' and '-', but it holds '" + name + "'");
            }
        }
    }
}
