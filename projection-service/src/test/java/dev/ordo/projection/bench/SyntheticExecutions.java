package dev.ordo.projection.bench;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the live tables straight with SQL, for query latencies: {@code count} executions of one
 * workflow (60 % completed, 20 % failed, 10 % cancelled, 10 % running; one every 25 s back from now;
 * durations up to a minute) and as many again spread over 1,000 other workflows, all in one
 * workspace and in project {@link #PROJECT}, each with three steps, one attempt per step and five
 * events.
 */
final class SyntheticExecutions {

    static final UUID PROJECT = UUID.fromString("00000000-0000-4000-8000-0000000be4c1");

    private static final String DEFINITION = """
            {"timeout_seconds":3600,"max_retries":3,"config":{},"steps":[
             {"name":"prepare","step_type":"task","step_order":1,"depends_on_steps":[],"config":{"processing_type":"default"}},
             {"name":"process","step_type":"task","step_order":2,"depends_on_steps":["prepare"],"config":{}},
             {"name":"publish","step_type":"task","step_order":3,"depends_on_steps":["process"],"config":{}}]}""";

    private SyntheticExecutions() {
    }

    static void insert(JdbcTemplate jdbc, UUID workflow, UUID workspace, int count) {
        jdbc.update("""
                INSERT INTO readmodel.executions (id, workflow_id, workflow_version, workspace_id, project_id, status,
                    input_variables, results, definition, started_at, completed_at, total_steps, completed_steps,
                    failed_steps, skipped_steps, running_steps, retrying_steps, last_sequence, created_at, updated_at)
                SELECT md5('bench-' || i)::uuid, CASE WHEN i <= ? THEN ? ELSE md5('wf-' || i % 1000)::uuid END, 1, ?, ?,
                    (ARRAY['completed','completed','completed','completed','completed','completed','failed','failed',
                           'cancelled','running'])[1 + i % 10],
                    '{"input":{"n":1}}', '{"step_outputs":{},"step_statuses":{}}', ?::jsonb, ts,
                    CASE WHEN i % 10 <> 9 THEN ts + (abs(hashint4(i)) % 60000) * interval '1 ms' END,
                    3, 3, 0, 0, 0, 0, 5, ts, ts
                FROM (SELECT i, now() - i * interval '25 seconds' AS ts FROM generate_series(1, ? * 2) i) g
                """, count, workflow, workspace, PROJECT, DEFINITION, count);
        jdbc.update("""
                INSERT INTO readmodel.step_executions (execution_id, step_name, step_order, step_type, status, attempt,
                    retry_count, input_data, output_data, started_at, completed_at, updated_at)
                SELECT e.id, s.name, s.step_order, 'task', 'completed', 1, 0, '{"hello":"world"}', '{"rows":3}',
                    e.started_at, e.started_at, e.started_at
                FROM readmodel.executions e
                CROSS JOIN (VALUES ('prepare', 1), ('process', 2), ('publish', 3)) AS s(name, step_order)
                WHERE e.project_id = ?
                """, PROJECT);
        jdbc.update("""
                INSERT INTO readmodel.step_attempts (execution_id, step_name, attempt, status, scheduled_at,
                    started_at, completed_at)
                SELECT s.execution_id, s.step_name, 1, 'completed', s.started_at, s.started_at, s.completed_at
                FROM readmodel.step_executions s JOIN readmodel.executions e ON e.id = s.execution_id
                WHERE e.project_id = ?
                """, PROJECT);
        jdbc.update("""
                INSERT INTO readmodel.execution_events (execution_id, sequence, occurred_at, type, data)
                SELECT e.id, n, e.started_at + n * interval '1 ms', 'StepStarted',
                    jsonb_build_object('type', 'StepStarted', 'step_name', 'prepare', 'attempt', 1, 'worker_id', 'w')
                FROM readmodel.executions e CROSS JOIN generate_series(1, 5) n
                WHERE e.project_id = ?
                """, PROJECT);
        for (String table : new String[] {"executions", "step_executions", "step_attempts", "execution_events"}) {
            jdbc.execute("VACUUM ANALYZE readmodel." + table);
        }
    }
}
