package dev.ordo.api.executions;

import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.wire.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads executions from the projection's read model ({@code readmodel.*}); an execution the
 * projection has not seen yet (or before the projection created its tables) but api-service
 * accepted reads as {@code pending}. A row the projection wrote without workspace (a start the
 * engine could not read) belongs to the workspace of its submission.
 */
@Repository
class ExecutionQueries {

    private final JdbcClient jdbc;
    private volatile boolean readModelExists;

    ExecutionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ExecutionStatusView> status(UUID workspaceId, UUID executionId) {
        Optional<ExecutionStatusView> projected = readModelExists() ? jdbc.sql("""
                SELECT e.id, coalesce(e.workflow_id, s.workflow_id) AS workflow_id, e.status, e.started_at,
                       e.completed_at, e.error_message, e.results, e.total_steps, e.completed_steps, e.failed_steps,
                       e.skipped_steps, e.running_steps
                  FROM readmodel.executions e
                  LEFT JOIN api.execution_submissions s ON s.execution_id = e.id
                 WHERE e.id = ? AND (e.workspace_id = ? OR (e.workspace_id IS NULL AND s.workspace_id = ?))
                """)
                .params(executionId, workspaceId, workspaceId)
                .query(ExecutionQueries::mapStatus)
                .optional() : Optional.empty();
        if (projected.isPresent()) {
            return projected;
        }
        return jdbc.sql("SELECT workflow_id FROM api.execution_submissions WHERE execution_id = ? AND workspace_id = ?")
                .params(executionId, workspaceId)
                .query(UUID.class)
                .optional()
                .map(workflowId -> new ExecutionStatusView(executionId, workflowId, ExecutionStatus.UNKNOWN.apiName(),
                        null, null, null, null, null, 0, 0, 0, 0, 0));
    }

    /** Once the projection has created its tables they stay, so only their absence is asked again. */
    private boolean readModelExists() {
        if (!readModelExists) {
            readModelExists = jdbc.sql("SELECT to_regclass('readmodel.executions') IS NOT NULL").query(Boolean.class)
                    .single();
        }
        return readModelExists;
    }

    @SuppressWarnings("unchecked")
    private static ExecutionStatusView mapStatus(ResultSet rs, int row) throws SQLException {
        Instant started = instant(rs, "started_at");
        Instant completed = instant(rs, "completed_at");
        String results = rs.getString("results");
        return new ExecutionStatusView(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
                rs.getString("status"), started, completed, seconds(started, completed), rs.getString("error_message"),
                results == null ? null : JsonCodec.instance().decode(results, Map.class),
                rs.getInt("total_steps"), rs.getInt("completed_steps"), rs.getInt("failed_steps"),
                rs.getInt("skipped_steps"), rs.getInt("running_steps"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Double seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toNanos() / 1e9;
    }
}
