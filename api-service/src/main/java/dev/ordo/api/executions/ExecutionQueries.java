package dev.ordo.api.executions;

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
 * projection has not seen yet but api-service accepted reads as {@code pending}.
 */
@Repository
class ExecutionQueries {

    private final JdbcClient jdbc;

    ExecutionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ExecutionStatusView> status(UUID workspaceId, UUID executionId) {
        Optional<ExecutionStatusView> projected = jdbc.sql("""
                SELECT id, workflow_id, status, started_at, completed_at, error_message, results,
                       total_steps, completed_steps, failed_steps, skipped_steps, running_steps
                  FROM readmodel.executions WHERE id = ? AND workspace_id = ?
                """)
                .params(executionId, workspaceId)
                .query(ExecutionQueries::mapStatus)
                .optional();
        if (projected.isPresent()) {
            return projected;
        }
        return jdbc.sql("SELECT workflow_id FROM api.execution_submissions WHERE execution_id = ? AND workspace_id = ?")
                .params(executionId, workspaceId)
                .query(UUID.class)
                .optional()
                .map(workflowId -> new ExecutionStatusView(executionId, workflowId, "pending", null, null, null, null,
                        null, 0, 0, 0, 0, 0));
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
