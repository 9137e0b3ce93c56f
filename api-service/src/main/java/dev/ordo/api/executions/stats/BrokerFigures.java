package dev.ordo.api.executions.stats;

import java.time.Instant;
import java.util.Map;

/**
 * The engine figures only the broker knows, as measured at {@code measuredAt}; each is null when it
 * could not be measured, and {@code note} then says why.
 *
 * @param queuedTasks step tasks not yet taken by the workers (their group's lag on step-tasks and on
 *     every capability task topic)
 * @param queuedByCapabilities of those, the tasks waiting in each capability task topic, by its
 *     capability set ({@code gpu.cuda}); a set no live worker declares waits until one starts. Like
 *     every lag here it counts log offsets, so the engine's transaction markers make it an upper bound
 * @param liveWorkers members of the workers' consumer group
 * @param engineLagEvents commands and step reports not yet taken by the engine
 * @param projectionLag by partition of the event log, events not yet taken by the projection
 */
record BrokerFigures(Long queuedTasks, Map<String, Long> queuedByCapabilities, Integer liveWorkers, Long engineLagEvents, Map<Integer, Long> projectionLag,
                     Instant measuredAt, String note) {

    Long projectionLagEvents() {
        return projectionLag == null ? null : projectionLag.values().stream().mapToLong(Long::longValue).sum();
    }
}
