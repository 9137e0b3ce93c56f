package dev.ordo.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param concurrency   how many tasks one worker instance runs at once ({@code ORDO_WORKER_CONCURRENCY})
 * @param shutdownGrace how long a stopping worker lets its tasks in flight finish and report
 *                      ({@code ORDO_WORKER_SHUTDOWN_GRACE}); keep it below {@code max.poll.interval.ms}
 */
@ConfigurationProperties("ordo.worker")
record WorkerSettings(int concurrency, Duration shutdownGrace) {
}
