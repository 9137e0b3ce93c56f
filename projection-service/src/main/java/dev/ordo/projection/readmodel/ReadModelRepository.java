package dev.ordo.projection.readmodel;

import static dev.ordo.projection.readmodel.StoredViews.utc;

import dev.ordo.contract.execution.StepStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads and stores execution read models of one {@link ReadModelSchema} a batch at a time: three
 * queries to load any number of executions with their steps and attempts, five batched writes to
 * store them (new executions inserted whole, stored ones updated in what events change; steps and
 * attempts only when an event changed them; events only those folded since the load). Every text and JSON value is written through {@link PostgresText}.
 */
final class ReadModelRepository {

    private final JdbcTemplate jdbc;
    private final ReadModelSchema schema;
    private final EventHistory history;

    ReadModelRepository(JdbcTemplate jdbc, ReadModelSchema schema) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.history = new EventHistory(jdbc, schema);
    }

    Map<UUID, ExecutionView> load(Collection<UUID> ids) {
        Map<UUID, ExecutionView> views = new HashMap<>();
        if (ids.isEmpty()) {
            return views;
        }
        UUID[] keys = ids.toArray(UUID[]::new);
        jdbc.query(schema.sql("SELECT " + StoredViews.EXECUTION_COLUMNS + " FROM {schema}.executions "
                + "WHERE id = ANY(?)"), rs -> {
            ExecutionView view = StoredViews.execution(rs);
            views.put(view.id, view);
        }, (Object) keys);
        jdbc.query(schema.sql("SELECT * FROM {schema}.step_executions WHERE execution_id = ANY(?) "
                + "ORDER BY step_order, step_name"), rs -> {
                    StepView step = StoredViews.step(rs);
                    views.get(rs.getObject("execution_id", UUID.class)).steps.put(step.name, step);
                }, (Object) keys);
        jdbc.query(schema.sql("SELECT * FROM {schema}.step_attempts WHERE execution_id = ANY(?)"), rs -> {
            AttemptView attempt = StoredViews.attempt(rs);
            views.get(rs.getObject("execution_id", UUID.class)).steps.get(rs.getString("step_name")).attempts
                    .put(attempt.number, attempt);
        }, (Object) keys);
        return views;
    }

    void save(Collection<ExecutionView> views) {
        List<Object[]> newExecutions = new ArrayList<>();
        List<Object[]> executions = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        for (ExecutionView view : views) {
            if (view.stored) {
                executions.add(executionChanges(view));
            } else {
                newExecutions.add(executionRow(view));
            }
            for (StepView step : view.steps.values()) {
                if (step.changed) {
                    steps.add(stepRow(view, step));
                }
                for (AttemptView attempt : step.attempts.values()) {
                    if (attempt.changed) {
                        attempts.add(attemptRow(view, step, attempt));
                    }
                }
            }
        }
        jdbc.batchUpdate(schema.sql("""
                INSERT INTO {schema}.executions (id, workflow_id, workflow_version, workspace_id, project_id, status,
                    input_variables, results, definition, started_at, completed_at, error_message, error_details,
                    total_steps, completed_steps, failed_steps, skipped_steps, running_steps, retrying_steps,
                    last_sequence, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, results = excluded.results,
                    started_at = excluded.started_at, completed_at = excluded.completed_at,
                    error_message = excluded.error_message, error_details = excluded.error_details,
                    completed_steps = excluded.completed_steps, failed_steps = excluded.failed_steps,
                    skipped_steps = excluded.skipped_steps, running_steps = excluded.running_steps,
                    retrying_steps = excluded.retrying_steps, last_sequence = excluded.last_sequence,
                    updated_at = excluded.updated_at
                """), newExecutions);
        jdbc.batchUpdate(schema.sql("""
                UPDATE {schema}.executions SET status = ?, results = ?::jsonb, started_at = ?, completed_at = ?,
                    error_message = ?, error_details = ?::jsonb, completed_steps = ?, failed_steps = ?,
                    skipped_steps = ?, running_steps = ?, retrying_steps = ?, last_sequence = ?, updated_at = ?
                WHERE id = ?
                """), executions);
        jdbc.batchUpdate(schema.sql("""
                INSERT INTO {schema}.step_executions (execution_id, step_name, step_order, step_type, status, attempt,
                    retry_count, input_data, output_data, started_at, completed_at, error_message, worker_id, updated_at,
                    next_retry_at, progress)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (execution_id, step_name) DO UPDATE SET status = excluded.status,
                    attempt = excluded.attempt, retry_count = excluded.retry_count, input_data = excluded.input_data,
                    output_data = excluded.output_data, started_at = excluded.started_at,
                    completed_at = excluded.completed_at, error_message = excluded.error_message,
                    worker_id = excluded.worker_id, updated_at = excluded.updated_at,
                    next_retry_at = excluded.next_retry_at, progress = excluded.progress
                """), steps);
        jdbc.batchUpdate(schema.sql("""
                INSERT INTO {schema}.step_attempts (execution_id, step_name, attempt, status, scheduled_at, started_at,
                    completed_at, retry_due_at, error_message, worker_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (execution_id, step_name, attempt) DO UPDATE SET status = excluded.status,
                    started_at = excluded.started_at, completed_at = excluded.completed_at,
                    retry_due_at = excluded.retry_due_at, error_message = excluded.error_message,
                    worker_id = excluded.worker_id
                """), attempts);
        history.append(views);
    }

    private static Object[] executionRow(ExecutionView view) {
        return new Object[] {view.id, view.workflowId, view.workflowVersion, view.workspaceId, view.projectId,
            text(view.status), json(view.inputs), json(view.results), json(view.definition), utc(view.startedAt),
            utc(view.completedAt), text(view.errorMessage), json(view.errorDetails), view.steps.size(),
            view.count(StepStatus.COMPLETED), view.count(StepStatus.FAILED), view.count(StepStatus.SKIPPED),
            view.count(StepStatus.RUNNING), view.count(StepStatus.RETRYING), view.lastSequence, utc(view.createdAt),
            utc(view.updatedAt)};
    }

    /** What events change in an execution's row once it exists. */
    private static Object[] executionChanges(ExecutionView view) {
        return new Object[] {text(view.status), json(view.results), utc(view.startedAt), utc(view.completedAt),
            text(view.errorMessage), json(view.errorDetails), view.count(StepStatus.COMPLETED),
            view.count(StepStatus.FAILED), view.count(StepStatus.SKIPPED), view.count(StepStatus.RUNNING),
            view.count(StepStatus.RETRYING), view.lastSequence, utc(view.updatedAt), view.id};
    }

    private static Object[] stepRow(ExecutionView view, StepView step) {
        return new Object[] {view.id, text(step.name), step.order, text(step.type), text(step.status), step.attempt,
            step.retryCount(), json(step.input), json(step.output), utc(step.startedAt), utc(step.completedAt),
            text(step.error), text(step.workerId), utc(step.updatedAt), utc(step.nextRetryAt), json(step.progress)};
    }

    private static Object[] attemptRow(ExecutionView view, StepView step, AttemptView attempt) {
        return new Object[] {view.id, text(step.name), attempt.number, text(attempt.status), utc(attempt.scheduledAt),
            utc(attempt.startedAt), utc(attempt.completedAt), utc(attempt.retryDueAt), text(attempt.error),
            text(attempt.workerId)};
    }

    /** Every JSON value the read model stores passes here: {@link PostgresText} makes it storable. */
    private static String json(Object value) {
        return PostgresText.json(value);
    }


    /** Every text the read model stores passes here: {@link PostgresText} makes it storable. */
    private static String text(String value) {
        return PostgresText.text(value);
    }
}
