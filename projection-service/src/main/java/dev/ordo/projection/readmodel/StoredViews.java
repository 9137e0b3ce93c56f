package dev.ordo.projection.readmodel;

import dev.ordo.contract.wire.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the fold's views back from their rows, and converts times for JDBC (always UTC). What the
 * fold never reads back (an execution's definition and inputs, set once by its first event) is not
 * read.
 */
final class StoredViews {

    private static final JsonCodec JSON = JsonCodec.instance();

    /** The columns of {@code executions} that {@link #execution} reads. */
    static final String EXECUTION_COLUMNS = "id, workflow_id, workflow_version, workspace_id, project_id, status, "
            + "results, started_at, completed_at, error_message, error_details, last_sequence, created_at, updated_at";

    private StoredViews() {
    }

    static ExecutionView execution(ResultSet rs) throws SQLException {
        ExecutionView view = new ExecutionView(rs.getObject("id", UUID.class));
        view.workflowId = rs.getObject("workflow_id", UUID.class);
        view.workflowVersion = rs.getObject("workflow_version", Integer.class);
        view.workspaceId = rs.getObject("workspace_id", UUID.class);
        view.projectId = rs.getObject("project_id", UUID.class);
        view.status = rs.getString("status");
        view.stored = true;
        view.results = map(rs.getString("results"));
        view.startedAt = instant(rs, "started_at");
        view.completedAt = instant(rs, "completed_at");
        view.errorMessage = rs.getString("error_message");
        view.errorDetails = map(rs.getString("error_details"));
        view.lastSequence = rs.getLong("last_sequence");
        view.createdAt = instant(rs, "created_at");
        view.updatedAt = instant(rs, "updated_at");
        return view;
    }

    static StepView step(ResultSet rs) throws SQLException {
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
        step.progress = map(rs.getString("progress"));
        return step;
    }

    static AttemptView attempt(ResultSet rs) throws SQLException {
        AttemptView attempt = new AttemptView(rs.getInt("attempt"), instant(rs, "scheduled_at"));
        attempt.status = rs.getString("status");
        attempt.startedAt = instant(rs, "started_at");
        attempt.completedAt = instant(rs, "completed_at");
        attempt.retryDueAt = instant(rs, "retry_due_at");
        attempt.error = rs.getString("error_message");
        attempt.workerId = rs.getString("worker_id");
        return attempt;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return json == null ? null : JSON.decode(json, Map.class);
    }
}
