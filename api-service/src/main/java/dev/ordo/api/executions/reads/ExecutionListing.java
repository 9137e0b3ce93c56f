package dev.ordo.api.executions.reads;

import static dev.ordo.api.executions.reads.Columns.instant;
import static dev.ordo.api.executions.reads.Columns.integer;
import static dev.ordo.api.executions.reads.Columns.object;
import static dev.ordo.api.executions.reads.Columns.uuid;

import dev.ordo.contract.execution.ExecutionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A workflow's executions, newest accepted first: every submission, joined to its read-model row
 * when the projection has one (else it reads {@code pending}). Served by the submissions' index on
 * {@code (workflow_id, submitted_at DESC)} and one primary-key probe per row of the page.
 */
@Repository
class ExecutionListing {

    private static final String FROM = """
              FROM api.execution_submissions s
              LEFT JOIN %s e ON e.id = s.execution_id
             WHERE s.workflow_id = ? AND s.workspace_id = ?
               AND (?::text IS NULL OR coalesce(e.status, '%s') = ?::text)
            """;

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    ExecutionListing(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** @param status an API status name, or null for every status */
    List<ExecutionSummary> page(UUID workspaceId, UUID workflowId, String status, int skip, int limit) {
        return jdbc.sql("""
                SELECT s.execution_id, s.workflow_id, s.workspace_id, s.execution_number, s.rerun_of, s.submitted_at,
                       coalesce(e.workflow_version, s.workflow_version) AS workflow_version,
                       coalesce(e.project_id, s.project_id) AS project_id,
                       coalesce(e.input_variables, s.input_variables) AS input_variables,
                       coalesce(e.updated_at, s.submitted_at) AS updated_at,
                       e.status, e.results, e.started_at, e.completed_at, e.error_message, e.error_details
                """ + from() + " ORDER BY s.submitted_at DESC, s.execution_number DESC LIMIT ? OFFSET ?")
                .params(workflowId, workspaceId, status, status, limit, skip)
                .query(ExecutionListing::summary)
                .list();
    }

    long count(UUID workspaceId, UUID workflowId, String status) {
        if (status == null) {
            return jdbc.sql("SELECT count(*) FROM api.execution_submissions WHERE workflow_id = ? AND workspace_id = ?")
                    .params(workflowId, workspaceId).query(Long.class).single();
        }
        return jdbc.sql("SELECT count(*) " + from()).params(workflowId, workspaceId, status, status)
                .query(Long.class).single();
    }

    private String from() {
        return FROM.formatted(tables.executions(), ExecutionStatus.UNKNOWN.apiName());
    }

    private static ExecutionSummary summary(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        Instant started = instant(rs, "started_at");
        Instant completed = instant(rs, "completed_at");
        UUID rerunOf = uuid(rs, "rerun_of");
        return new ExecutionSummary(uuid(rs, "execution_id"), uuid(rs, "workflow_id"), integer(rs, "workflow_version"),
                uuid(rs, "workspace_id"), uuid(rs, "project_id"), rs.getLong("execution_number"),
                status == null ? ExecutionStatus.UNKNOWN.apiName() : status, object(rs, "input_variables"),
                object(rs, "results"), started, completed, ExecutionProgress.seconds(started, completed),
                rs.getString("error_message"), object(rs, "error_details"),
                rerunOf == null ? Map.of() : Map.of("rerun_of", rerunOf.toString()), instant(rs, "submitted_at"),
                instant(rs, "updated_at"));
    }
}
