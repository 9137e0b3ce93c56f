package dev.ordo.api.executions.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ordo.contract.wire.WorkerAnnouncement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/workflows/executions/stats}: the workspace's executions by status (every status
 * named, 0 when none), how many were accepted in the last 24 hours, and what the engine is doing.
 */
public record ExecutionStats(
        long totalExecutions,
        @JsonProperty("recent_executions_24h") long recentExecutions24h,
        Map<String, Long> statusCounts,
        EngineStats workflowEngineStats) {

    /**
     * The system's figures; the broker's are null (and {@code note} says why) when the broker did
     * not answer.
     *
     * @param activeExecutions the workspace's pending and running executions
     * @param queuedTasks step tasks handed out but not yet taken by a worker
     * @param queuedTasksByCapabilities of those, the tasks of {@code agent} steps waiting for a worker
     *     with their capabilities, by capability set ({@code gpu.cuda})
     * @param liveWorkers the live workers of the registry once it has caught up; until then the
     *     members of the workers' consumer group
     * @param workers the live workers of the registry ({@code workflow.workers}), by id: id,
     *     capabilities, concurrency, tasks in flight, last seen; null until the registry has caught up
     * @param engineLagEvents commands and step reports the engine has not taken yet
     * @param projectionLagEvents events the projection has not taken yet
     * @param projectionLagMs 0 when the projection has taken every event; else at most how long its
     *     oldest waiting event has waited (now minus the time of the last event it applied on that
     *     partition); null when unknown
     * @param measuredAt when the broker's figures were measured (they are reused for about a second)
     */
    public record EngineStats(long activeExecutions, Long queuedTasks, Map<String, Long> queuedTasksByCapabilities,
                              Integer liveWorkers,
                              List<WorkerAnnouncement> workers, Long engineLagEvents,
                              Long projectionLagEvents, Long projectionLagMs, Instant measuredAt, String note) {
    }
}
