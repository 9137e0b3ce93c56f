package dev.ordo.api.executions.stats;

import java.time.Instant;
import java.util.Map;

/**
 * The engine figures only the broker knows, as measured at {@code measuredAt}; each is null when it
 * could not be measured, and {@code note} then says why.
 *
 * @param queuedTasks step tasks not yet taken by the workers (their group's lag on step-tasks)
 * @param liveWorkers members of the workers' consumer group
 * @param engineLagEvents commands and step reports not yet taken by the engine
 * @param projectionLag by partition of the event log, events not yet taken by the projection
 */
record BrokerFigures(Long queuedTasks, Integer liveWorkers, Long engineLagEvents, Map<Integer, Long> projectionLag,
                     Instant measuredAt, String note) {

    Long projectionLagEvents() {
        return projectionLag == null ? null : projectionLag.values().stream().mapToLong(Long::longValue).sum();
    }
}
