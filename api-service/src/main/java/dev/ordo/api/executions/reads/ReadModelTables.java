package dev.ordo.api.executions.reads;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The projection's tables as api-service reads them. projection-service creates them (Flyway,
 * schema {@code readmodel}), possibly after api-service started: until a table exists, its name
 * here is an empty relation with the same columns, so every query answers as if the projection had
 * seen nothing yet (an accepted execution reads as {@code pending}). Once a table exists it stays,
 * so only its absence is asked again.
 */
@Component
public class ReadModelTables {

    private static final Map<String, String> EMPTY = Map.of(
            "readmodel.executions", """
                    (SELECT NULL::uuid AS id, NULL::uuid AS workflow_id, NULL::integer AS workflow_version,
                            NULL::uuid AS workspace_id, NULL::uuid AS project_id, NULL::text AS status,
                            NULL::jsonb AS input_variables, NULL::jsonb AS results, NULL::jsonb AS definition,
                            NULL::timestamptz AS started_at, NULL::timestamptz AS completed_at,
                            NULL::text AS error_message, NULL::jsonb AS error_details, NULL::bigint AS duration_ms,
                            NULL::timestamptz AS created_at, NULL::timestamptz AS updated_at WHERE false)""",
            "readmodel.step_executions", """
                    (SELECT NULL::uuid AS execution_id, NULL::text AS step_name, NULL::integer AS step_order,
                            NULL::text AS status, NULL::integer AS attempt, NULL::integer AS retry_count,
                            NULL::jsonb AS input_data, NULL::jsonb AS output_data, NULL::timestamptz AS started_at,
                            NULL::timestamptz AS completed_at, NULL::text AS error_message, NULL::text AS worker_id
                      WHERE false)""",
            "readmodel.step_attempts", """
                    (SELECT NULL::uuid AS execution_id, NULL::text AS step_name, NULL::integer AS attempt,
                            NULL::text AS status, NULL::timestamptz AS scheduled_at, NULL::timestamptz AS started_at,
                            NULL::timestamptz AS completed_at, NULL::timestamptz AS retry_due_at,
                            NULL::text AS error_message, NULL::text AS worker_id WHERE false)""",
            "readmodel.execution_events", """
                    (SELECT NULL::uuid AS execution_id, NULL::bigint AS sequence, NULL::timestamptz AS occurred_at,
                            NULL::text AS type, NULL::jsonb AS data WHERE false)""",
            "readmodel.projection_progress", """
                    (SELECT NULL::text AS topic, NULL::integer AS partition, NULL::timestamptz AS last_occurred_at
                      WHERE false)""");

    private final JdbcClient jdbc;
    private final Map<String, Boolean> present = new ConcurrentHashMap<>();

    ReadModelTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String executions() {
        return table("readmodel.executions");
    }

    public String stepExecutions() {
        return table("readmodel.step_executions");
    }

    public String stepAttempts() {
        return table("readmodel.step_attempts");
    }

    public String executionEvents() {
        return table("readmodel.execution_events");
    }

    public String projectionProgress() {
        return table("readmodel.projection_progress");
    }

    /** Whether the projection has created {@code readmodel.projection_progress}. */
    public boolean hasProjectionProgress() {
        return exists("readmodel.projection_progress");
    }

    private String table(String name) {
        return exists(name) ? name : EMPTY.get(name);
    }

    private boolean exists(String name) {
        if (present.containsKey(name)) {
            return true;
        }
        boolean exists = jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(name).query(Boolean.class).single();
        if (exists) {
            present.put(name, true);
        }
        return exists;
    }
}
