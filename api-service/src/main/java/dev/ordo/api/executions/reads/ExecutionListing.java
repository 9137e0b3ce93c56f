package dev.ordo.api.executions.reads;

import static dev.ordo.api.executions.reads.Columns.instant;
import static dev.ordo.api.executions.reads.Columns.integer;
import static dev.ordo.api.executions.reads.Columns.object;
import static dev.ordo.api.executions.reads.Columns.uuid;

import dev.ordo.contract.execution.ExecutionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A workflow's executions, newest accepted first: every submission, joined to its read-model row
 * when the projection has one (else it reads {@code pending}). Unfiltered (and for {@code pending})
 * the submissions drive, by their index on {@code (workflow_id, submitted_at DESC)} with one
 * primary-key probe per row of the page; for any other status the read model drives, by its index
 * on {@code (workflow_id, status, ...)}, so a filter reads only the executions in that status. A
 * start the engine could not read has no workflow in the read model; it is found by its submission.
 */
@Repository
class ExecutionListing {

    private static final String COLUMNS = """
            SELECT s.execution_id, s.workflow_id, s.workspace_id, s.execution_number, s.rerun_of, s.submitted_at,
                   coalesce(e.workflow_version, s.workflow_version) AS workflow_version,
                   coalesce(e.project_id, s.project_id) AS project_id,
                   coalesce(e.input_variables, s.input_variables) AS input_variables,
                   coalesce(e.updated_at, s.submitted_at) AS updated_at,
                   e.status, e.results, e.started_at, e.completed_at, e.error_message, e.error_details
            """;
    private static final String ORDER = " ORDER BY s.submitted_at DESC, s.execution_number DESC LIMIT ? OFFSET ?";

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    ExecutionListing(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** @param status an API status name, or null for every status */
    List<ExecutionSummary> page(UUID workspaceId, UUID workflowId, String status, int skip, int limit) {
        List<Object> params = new ArrayList<>(params(workspaceId, workflowId, status));
        params.add(limit);
        params.add(skip);
        return jdbc.sql(COLUMNS + from(status) + ORDER).params(params).query(ExecutionListing::summary).list();
    }

    long count(UUID workspaceId, UUID workflowId, String status) {
        return jdbc.sql("SELECT count(*) " + from(status)).params(params(workspaceId, workflowId, status))
                .query(Long.class).single();
    }

    private String from(String status) {
        if (status == null) {
            return """
                      FROM api.execution_submissions s
                      LEFT JOIN %s e ON e.id = s.execution_id
                     WHERE s.workflow_id = ? AND s.workspace_id = ?
                    """.formatted(tables.executions());
        }
        if (status.equals(ExecutionStatus.UNKNOWN.apiName())) {
            return """
                      FROM api.execution_submissions s
                      LEFT JOIN %s e ON e.id = s.execution_id
                     WHERE s.workflow_id = ? AND s.workspace_id = ? AND (e.id IS NULL OR e.status = ?)
                    """.formatted(tables.executions());
        }
        return """
                  FROM %s e
                  JOIN api.execution_submissions s ON s.execution_id = e.id
                 WHERE (e.workflow_id = ? OR e.workflow_id IS NULL) AND e.status = ?
                   AND s.workflow_id = ? AND s.workspace_id = ?
                """.formatted(tables.executions());
    }

    private static List<Object> params(UUID workspaceId, UUID workflowId, String status) {
        if (status == null) {
            return List.of(workflowId, workspaceId);
        }
        if (status.equals(ExecutionStatus.UNKNOWN.apiName())) {
            return List.of(workflowId, workspaceId, status);
        }
        return List.of(workflowId, status, workflowId, workspaceId);
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
