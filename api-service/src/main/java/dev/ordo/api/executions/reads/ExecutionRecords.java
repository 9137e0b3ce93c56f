package dev.ordo.api.executions.reads;

import static dev.ordo.api.executions.reads.Columns.instant;
import static dev.ordo.api.executions.reads.Columns.integer;
import static dev.ordo.api.executions.reads.Columns.object;
import static dev.ordo.api.executions.reads.Columns.uuid;

import dev.ordo.api.executions.reads.ExecutionProgress.StepProgress;
import dev.ordo.contract.definition.WorkflowSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows one execution has: its submission ({@code api.execution_submissions}) and, once the
 * projection has seen it, its rows in {@code readmodel.executions} (both read in one query),
 * {@code step_executions} and {@code step_attempts}. Each is a lookup by primary key (or its prefix).
 */
@Repository
class ExecutionRecords {

    /** What api-service accepted. */
    record SubmissionRow(UUID executionId, UUID workflowId, int workflowVersion, UUID workspaceId, UUID projectId,
                         long executionNumber, UUID rerunOf, Map<String, Object> inputVariables, Instant submittedAt) {
    }

    /** What the projection folded; workflow, workspace, inputs and definition are null for a refused start. */
    record ProjectedRow(UUID workflowId, Integer workflowVersion, UUID workspaceId, UUID projectId, String status,
                        Map<String, Object> inputVariables, Map<String, Object> results, WorkflowSnapshot definition,
                        Instant startedAt, Instant completedAt, String errorMessage, Map<String, Object> errorDetails,
                        Instant createdAt, Instant updatedAt) {
    }

    /** One row of {@code readmodel.step_attempts}. */
    record AttemptRow(String stepName, int attempt, String status, Instant scheduledAt, Instant startedAt,
                      Instant completedAt, Instant retryDueAt, String errorMessage, String workerId) {
    }

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    ExecutionRecords(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** Both rows of an execution, each empty when absent, in one query. */
    record Rows(Optional<SubmissionRow> submission, Optional<ProjectedRow> projected) {
    }

    Rows rows(UUID executionId) {
        return jdbc.sql("""
                SELECT s.execution_id AS s_id, s.workflow_id AS s_workflow_id,
                       s.workflow_version AS s_workflow_version, s.workspace_id AS s_workspace_id,
                       s.project_id AS s_project_id, s.execution_number, s.rerun_of,
                       s.input_variables AS s_input_variables, s.submitted_at,
                       e.id, e.workflow_id, e.workflow_version, e.workspace_id, e.project_id, e.status,
                       e.input_variables, e.results, e.definition, e.started_at, e.completed_at, e.error_message,
                       e.error_details, e.created_at, e.updated_at
                  FROM (SELECT ?::uuid AS wanted) q
                  LEFT JOIN api.execution_submissions s ON s.execution_id = q.wanted
                  LEFT JOIN %s e ON e.id = q.wanted
                """.formatted(tables.executions()))
                .param(executionId)
                .query((rs, row) -> new Rows(
                        rs.getObject("s_id") == null ? Optional.empty() : Optional.of(submissionRow(rs)),
                        rs.getObject("id") == null ? Optional.empty() : Optional.of(projectedRow(rs))))
                .single();
    }

    /** The step rows, in {@code step_order}, then name. */
    List<StepProgress> steps(UUID executionId) {
        return jdbc.sql("""
                SELECT step_name, step_order, status, attempt, input_data, output_data, started_at, completed_at,
                       error_message
                  FROM %s s WHERE execution_id = ? ORDER BY step_order, step_name
                """.formatted(tables.stepExecutions())).param(executionId).query(ExecutionRecords::stepRow).list();
    }

    /** Every attempt of every step, by step name and attempt number. */
    List<AttemptRow> attempts(UUID executionId) {
        return jdbc.sql("""
                SELECT step_name, attempt, status, scheduled_at, started_at, completed_at, retry_due_at, error_message,
                       worker_id
                  FROM %s a WHERE execution_id = ? ORDER BY step_name, attempt
                """.formatted(tables.stepAttempts())).param(executionId).query(ExecutionRecords::attemptRow).list();
    }

    private static SubmissionRow submissionRow(ResultSet rs) throws SQLException {
        return new SubmissionRow(uuid(rs, "s_id"), uuid(rs, "s_workflow_id"), rs.getInt("s_workflow_version"),
                uuid(rs, "s_workspace_id"), uuid(rs, "s_project_id"), rs.getLong("execution_number"),
                uuid(rs, "rerun_of"), object(rs, "s_input_variables"), instant(rs, "submitted_at"));
    }

    private static ProjectedRow projectedRow(ResultSet rs) throws SQLException {
        return new ProjectedRow(uuid(rs, "workflow_id"), integer(rs, "workflow_version"), uuid(rs, "workspace_id"),
                uuid(rs, "project_id"), rs.getString("status"), object(rs, "input_variables"), object(rs, "results"),
                Columns.json(rs, "definition", WorkflowSnapshot.class), instant(rs, "started_at"),
                instant(rs, "completed_at"), rs.getString("error_message"), object(rs, "error_details"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static StepProgress stepRow(ResultSet rs, int row) throws SQLException {
        return new StepProgress(rs.getString("step_name"), rs.getInt("step_order"), rs.getString("status"),
                rs.getInt("attempt"), object(rs, "input_data"), object(rs, "output_data"), instant(rs, "started_at"),
                instant(rs, "completed_at"), rs.getString("error_message"));
    }

    private static AttemptRow attemptRow(ResultSet rs, int row) throws SQLException {
        return new AttemptRow(rs.getString("step_name"), rs.getInt("attempt"), rs.getString("status"),
                instant(rs, "scheduled_at"), instant(rs, "started_at"), instant(rs, "completed_at"),
                instant(rs, "retry_due_at"), rs.getString("error_message"), rs.getString("worker_id"));
    }
}
