package dev.ordo.api.executions.stats;

import dev.ordo.api.executions.reads.ReadModelTables;
import dev.ordo.contract.execution.ExecutionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A workflow's metrics in one query over {@code readmodel.executions}: counts by status and the
 * distribution of {@code duration_ms} (stored by the projection for every execution that started
 * and finished; {@code percentile_cont} interpolates). No event is read.
 */
@Repository
class MetricsQuery {

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    MetricsQuery(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /**
     * Two parts in one statement, each over one index of the projection's: counts by status
     * ({@code (workflow_id, status, ...)}) and durations ({@code (workflow_id, duration_ms)} where
     * there is one), the three percentiles taken from one sort.
     */
    WorkflowMetrics of(UUID workflowId) {
        String table = tables.executions();
        return jdbc.sql("""
                SELECT c.total, c.completed, c.failed, c.cancelled,
                       coalesce(d.total_ms, 0) / 1000.0 AS total_seconds, d.average_ms / 1000.0 AS average_seconds,
                       d.min_ms / 1000.0 AS min_seconds, d.max_ms / 1000.0 AS max_seconds,
                       d.percentiles[1] / 1000.0 AS p50_seconds, d.percentiles[2] / 1000.0 AS p95_seconds,
                       d.percentiles[3] / 1000.0 AS p99_seconds
                  FROM (SELECT count(*) AS total,
                               count(*) FILTER (WHERE status = ?) AS completed,
                               count(*) FILTER (WHERE status IN (?, ?)) AS failed,
                               count(*) FILTER (WHERE status = ?) AS cancelled
                          FROM %s c WHERE workflow_id = ?) c,
                       (SELECT sum(duration_ms) AS total_ms, avg(duration_ms) AS average_ms,
                               min(duration_ms) AS min_ms, max(duration_ms) AS max_ms,
                               percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY duration_ms) AS percentiles
                          FROM %s d WHERE workflow_id = ? AND duration_ms IS NOT NULL) d
                """.formatted(table, table))
                .params(ExecutionStatus.COMPLETED.apiName(), ExecutionStatus.FAILED.apiName(),
                        ExecutionStatus.TIMED_OUT.apiName(), ExecutionStatus.CANCELLED.apiName(), workflowId,
                        workflowId)
                .query((rs, row) -> metrics(workflowId, rs))
                .single();
    }

    private static WorkflowMetrics metrics(UUID workflowId, ResultSet rs) throws SQLException {
        long completed = rs.getLong("completed");
        long failed = rs.getLong("failed");
        long cancelled = rs.getLong("cancelled");
        long finished = completed + failed + cancelled;
        double rate = finished == 0 ? 0 : Math.round(completed * 10_000.0 / finished) / 100.0;
        return new WorkflowMetrics(workflowId, rs.getLong("total"), completed, failed, cancelled, rate,
                rs.getDouble("total_seconds"), number(rs, "average_seconds"), number(rs, "min_seconds"),
                number(rs, "max_seconds"), number(rs, "p50_seconds"), number(rs, "p95_seconds"),
                number(rs, "p99_seconds"));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
