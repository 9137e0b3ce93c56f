package dev.ordo.api.executions.stats;

import dev.ordo.api.executions.reads.Columns;
import dev.ordo.api.executions.reads.ReadModelTables;
import dev.ordo.contract.execution.ExecutionStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The database side of the stats route: a workspace's executions by status (every submission,
 * joined to its read-model row; without one it is pending), and where the projection stands per
 * partition of the event log ({@code readmodel.projection_progress}).
 */
@Repository
class StatsQueries {

    /** The counts of one workspace. */
    record Counts(Map<String, Long> byStatus, long recent) {

        long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    StatsQueries(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    Counts counts(UUID workspaceId, Instant recentSince) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        ExecutionStatus.apiNames().forEach(name -> byStatus.put(name, 0L));
        long[] recent = {0};
        jdbc.sql("""
                SELECT coalesce(e.status, ?) AS status, count(*) AS executions,
                       count(*) FILTER (WHERE s.submitted_at >= ?) AS recent
                  FROM api.execution_submissions s
                  LEFT JOIN %s e ON e.id = s.execution_id
                 WHERE s.workspace_id = ?
                 GROUP BY 1
                """.formatted(tables.executions()))
                .params(ExecutionStatus.UNKNOWN.apiName(), OffsetDateTime.ofInstant(recentSince, ZoneOffset.UTC),
                        workspaceId)
                .query(rs -> {
                    byStatus.merge(rs.getString("status"), rs.getLong("executions"), Long::sum);
                    recent[0] += rs.getLong("recent");
                });
        return new Counts(byStatus, recent[0]);
    }

    /** By partition of {@code topic}, the time of the last event the projection applied there. */
    Map<Integer, Instant> lastApplied(String topic) {
        Map<Integer, Instant> applied = new HashMap<>();
        jdbc.sql("SELECT partition, last_occurred_at FROM " + tables.projectionProgress()
                        + " p WHERE topic = ? AND last_occurred_at IS NOT NULL")
                .param(topic)
                .query(rs -> {
                    applied.put(rs.getInt("partition"), Columns.instant(rs, "last_occurred_at"));
                });
        return applied;
    }
}
