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
 * projection has seen it, its rows in {@code readmodel.executions}, {@code step_executions} and
 * {@code step_attempts}. Each is one lookup by primary key (or its prefix).
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

    Optional<SubmissionRow> submission(UUID executionId) {
        return jdbc.sql("""
                SELECT execution_id, workflow_id, workflow_version, workspace_id, project_id, execution_number,
                       rerun_of, input_variables, submitted_at
                  FROM api.execution_submissions WHERE execution_id = ?
                """).param(executionId).query(ExecutionRecords::submissionRow).optional();
    }

    Optional<ProjectedRow> projected(UUID executionId) {
        return jdbc.sql("""
                SELECT workflow_id, workflow_version, workspace_id, project_id, status, input_variables, results,
                       definition, started_at, completed_at, error_message, error_details, created_at, updated_at
                  FROM %s e WHERE id = ?
                """.formatted(tables.executions())).param(executionId).query(ExecutionRecords::projectedRow).optional();
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

    private static SubmissionRow submissionRow(ResultSet rs, int row) throws SQLException {
        return new SubmissionRow(uuid(rs, "execution_id"), uuid(rs, "workflow_id"), rs.getInt("workflow_version"),
                uuid(rs, "workspace_id"), uuid(rs, "project_id"), rs.getLong("execution_number"), uuid(rs, "rerun_of"),
                object(rs, "input_variables"), instant(rs, "submitted_at"));
    }

    private static ProjectedRow projectedRow(ResultSet rs, int row) throws SQLException {
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
