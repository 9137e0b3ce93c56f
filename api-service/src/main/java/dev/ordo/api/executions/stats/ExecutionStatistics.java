package dev.ordo.api.executions.stats;

import dev.ordo.api.definitions.WorkflowDefinitions;
import dev.ordo.api.executions.stats.ExecutionStats.EngineStats;
import dev.ordo.api.workers.WorkerRegistryReader;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.wire.Topics;
import dev.ordo.contract.wire.WorkerAnnouncement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The workspace's execution statistics and a workflow's metrics, from the read model and the broker. */
@Service
public class ExecutionStatistics {

    private final StatsQueries queries;
    private final MetricsQuery metrics;
    private final BrokerFigureCache broker;
    private final WorkflowDefinitions definitions;
    private final WorkerRegistryReader registry;
    private final Topics topics;
    private final Clock clock;

    ExecutionStatistics(StatsQueries queries, MetricsQuery metrics, BrokerFigureCache broker,
                        WorkflowDefinitions definitions, WorkerRegistryReader registry, Topics topics,
                        Clock clock) {
        this.queries = queries;
        this.metrics = metrics;
        this.broker = broker;
        this.definitions = definitions;
        this.registry = registry;
        this.topics = topics;
        this.clock = clock;
    }

    /** Never fails for the broker's sake: its figures are then null, with a note. */
    public ExecutionStats stats(Workspace workspace) {
        Instant now = clock.instant();
        StatsQueries.Counts counts = queries.counts(workspace.id(), now.minus(Duration.ofHours(24)));
        BrokerFigures figures = broker.current();
        long active = counts.byStatus().get(ExecutionStatus.UNKNOWN.apiName())
                + counts.byStatus().get(ExecutionStatus.RUNNING.apiName());
        List<WorkerAnnouncement> workers = registry.caughtUp() ? registry.live() : null;
        Integer liveWorkers = workers == null ? figures.liveWorkers() : Integer.valueOf(workers.size());
        EngineStats engine = new EngineStats(active, figures.queuedTasks(), figures.queuedByCapabilities(), liveWorkers, workers,
                figures.engineLagEvents(), figures.projectionLagEvents(), projectionLagMs(figures, now),
                figures.measuredAt(), figures.note());
        return new ExecutionStats(counts.total(), counts.recent(), counts.byStatus(), engine);
    }

    /** A workflow of the workspace (404 otherwise), even one without executions. */
    public WorkflowMetrics metrics(Workspace workspace, UUID workflowId) {
        definitions.get(workspace, workflowId);
        return metrics.of(workflowId);
    }

    /**
     * 0 when no partition is behind; else the longest time since the last applied event of a
     * partition that is behind; null when the lag or those times are unknown.
     */
    private Long projectionLagMs(BrokerFigures figures, Instant now) {
        if (figures.projectionLag() == null) {
            return null;
        }
        Map<Integer, Long> behind = figures.projectionLag();
        if (behind.values().stream().allMatch(events -> events == 0)) {
            return 0L;
        }
        Map<Integer, Instant> applied = queries.lastApplied(topics.executionEvents());
        return behind.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> applied.get(entry.getKey()))
                .filter(Objects::nonNull)
                .map(at -> Math.max(0, Duration.between(at, now).toMillis()))
                .max(Long::compare)
                .orElse(null);
    }
}
