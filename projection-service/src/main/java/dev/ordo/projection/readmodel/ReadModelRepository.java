package dev.ordo.projection.readmodel;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.wire.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores execution read models a batch at a time: three queries to load any number of
 * executions with their steps and attempts, three batched upserts to store them (attempts only
 * when they changed). Every text and JSON value is written through {@link PostgresText}.
 */
@Repository
class ReadModelRepository {

    private static final JsonCodec JSON = JsonCodec.instance();

    private final JdbcTemplate jdbc;

    ReadModelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, ExecutionView> load(Collection<UUID> ids) {
        Map<UUID, ExecutionView> views = new HashMap<>();
        if (ids.isEmpty()) {
            return views;
        }
        UUID[] keys = ids.toArray(UUID[]::new);
        jdbc.query("SELECT * FROM readmodel.executions WHERE id = ANY(?)",
                rs -> {
                    ExecutionView view = execution(rs);
                    views.put(view.id, view);
                }, (Object) keys);
        jdbc.query("SELECT * FROM readmodel.step_executions WHERE execution_id = ANY(?) ORDER BY step_order, step_name",
                rs -> {
                    ExecutionView view = views.get(rs.getObject("execution_id", UUID.class));
                    StepView step = step(rs);
                    view.steps.put(step.name, step);
                }, (Object) keys);
        jdbc.query("SELECT * FROM readmodel.step_attempts WHERE execution_id = ANY(?)",
                rs -> {
                    ExecutionView view = views.get(rs.getObject("execution_id", UUID.class));
                    AttemptView attempt = attempt(rs);
                    view.steps.get(rs.getString("step_name")).attempts.put(attempt.number, attempt);
                }, (Object) keys);
        return views;
    }

    void save(Collection<ExecutionView> views) {
        List<Object[]> executions = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        for (ExecutionView view : views) {
            executions.add(new Object[] {view.id, view.workflowId, view.workflowVersion, view.workspaceId,
                view.projectId, text(view.status), json(view.inputs), json(view.results), json(view.definition),
                utc(view.startedAt), utc(view.completedAt), text(view.errorMessage), json(view.errorDetails),
                view.steps.size(), view.count(StepStatus.COMPLETED), view.count(StepStatus.FAILED),
                view.count(StepStatus.SKIPPED), view.count(StepStatus.RUNNING), view.lastSequence, utc(view.createdAt),
                utc(view.updatedAt)});
            for (StepView step : view.steps.values()) {
                steps.add(new Object[] {view.id, text(step.name), step.order, text(step.type), text(step.status),
                    step.attempt, step.retryCount(), json(step.input), json(step.output), utc(step.startedAt),
                    utc(step.completedAt), text(step.error), text(step.workerId), utc(step.updatedAt),
                    utc(step.nextRetryAt)});
                for (AttemptView attempt : step.attempts.values()) {
                    if (attempt.changed) {
                        attempts.add(new Object[] {view.id, text(step.name), attempt.number, text(attempt.status),
                            utc(attempt.scheduledAt), utc(attempt.startedAt), utc(attempt.completedAt),
                            utc(attempt.retryDueAt), text(attempt.error), text(attempt.workerId)});
                    }
                }
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO readmodel.executions (id, workflow_id, workflow_version, workspace_id, project_id, status,
                    input_variables, results, definition, started_at, completed_at, error_message, error_details,
                    total_steps, completed_steps, failed_steps, skipped_steps, running_steps, last_sequence,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, results = excluded.results,
                    started_at = excluded.started_at, completed_at = excluded.completed_at,
                    error_message = excluded.error_message, error_details = excluded.error_details,
                    completed_steps = excluded.completed_steps, failed_steps = excluded.failed_steps,
                    skipped_steps = excluded.skipped_steps, running_steps = excluded.running_steps,
                    last_sequence = excluded.last_sequence, updated_at = excluded.updated_at
                """, executions);
        jdbc.batchUpdate("""
                INSERT INTO readmodel.step_executions (execution_id, step_name, step_order, step_type, status, attempt,
                    retry_count, input_data, output_data, started_at, completed_at, error_message, worker_id, updated_at,
                    next_retry_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (execution_id, step_name) DO UPDATE SET status = excluded.status,
                    attempt = excluded.attempt, retry_count = excluded.retry_count, input_data = excluded.input_data,
                    output_data = excluded.output_data, started_at = excluded.started_at,
                    completed_at = excluded.completed_at, error_message = excluded.error_message,
                    worker_id = excluded.worker_id, updated_at = excluded.updated_at,
                    next_retry_at = excluded.next_retry_at
                """, steps);
        jdbc.batchUpdate("""
                INSERT INTO readmodel.step_attempts (execution_id, step_name, attempt, status, scheduled_at, started_at,
                    completed_at, retry_due_at, error_message, worker_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (execution_id, step_name, attempt) DO UPDATE SET status = excluded.status,
                    started_at = excluded.started_at, completed_at = excluded.completed_at,
                    retry_due_at = excluded.retry_due_at, error_message = excluded.error_message,
                    worker_id = excluded.worker_id
                """, attempts);
    }

    @SuppressWarnings("unchecked")
    private static ExecutionView execution(ResultSet rs) throws SQLException {
        ExecutionView view = new ExecutionView(rs.getObject("id", UUID.class));
        view.workflowId = rs.getObject("workflow_id", UUID.class);
        view.workflowVersion = rs.getObject("workflow_version", Integer.class);
        view.workspaceId = rs.getObject("workspace_id", UUID.class);
        view.projectId = rs.getObject("project_id", UUID.class);
        view.status = rs.getString("status");
        view.inputs = map(rs.getString("input_variables"));
        view.results = map(rs.getString("results"));
        String definition = rs.getString("definition");
        view.definition = definition == null ? null : JSON.decode(definition, WorkflowSnapshot.class);
        view.startedAt = instant(rs, "started_at");
        view.completedAt = instant(rs, "completed_at");
        view.errorMessage = rs.getString("error_message");
        view.errorDetails = map(rs.getString("error_details"));
        view.lastSequence = rs.getLong("last_sequence");
        view.createdAt = instant(rs, "created_at");
        view.updatedAt = instant(rs, "updated_at");
        return view;
    }

    private static StepView step(ResultSet rs) throws SQLException {
        StepView step = new StepView(rs.getString("step_name"), rs.getInt("step_order"), rs.getString("step_type"));
        step.status = rs.getString("status");
        step.attempt = rs.getInt("attempt");
        step.input = map(rs.getString("input_data"));
        step.output = map(rs.getString("output_data"));
        step.startedAt = instant(rs, "started_at");
        step.completedAt = instant(rs, "completed_at");
        step.error = rs.getString("error_message");
        step.workerId = rs.getString("worker_id");
        step.updatedAt = instant(rs, "updated_at");
        step.nextRetryAt = instant(rs, "next_retry_at");
        return step;
    }

    private static AttemptView attempt(ResultSet rs) throws SQLException {
        AttemptView attempt = new AttemptView(rs.getInt("attempt"), instant(rs, "scheduled_at"));
        attempt.status = rs.getString("status");
        attempt.startedAt = instant(rs, "started_at");
        attempt.completedAt = instant(rs, "completed_at");
        attempt.retryDueAt = instant(rs, "retry_due_at");
        attempt.error = rs.getString("error_message");
        attempt.workerId = rs.getString("worker_id");
        return attempt;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return json == null ? null : JSON.decode(json, Map.class);
    }

    /** Every JSON value the read model stores passes here: {@link PostgresText} makes it storable. */
    private static String json(Object value) {
        return PostgresText.json(value);
    }

    /** Every text the read model stores passes here: {@link PostgresText} makes it storable. */
    private static String text(String value) {
        return PostgresText.text(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
