package dev.ordo.projection.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The latency of each query the API's execution routes make, against {@code count} executions of
 * one workflow ({@link SyntheticExecutions}), as pgjdbc runs it by default (server-prepared after
 * five runs, so PostgreSQL may switch to a generic plan) and with custom plans forced, and the plan
 * PostgreSQL chooses for the parameters of the first run ({@code EXPLAIN (ANALYZE, BUFFERS)}).
 */
final class QueryLatencies {

    private record Query(String name, String sql, IntFunction<Object[]> parameters) {
    }

    private static final UUID WORKFLOW = UUID.fromString("00000000-0000-4000-8000-00000000f10e");
    private static final UUID WORKSPACE = UUID.fromString("00000000-0000-4000-8000-00000000a5ce");

    private final JdbcTemplate jdbc;
    private final int count;
    private final Random random = new Random(1);

    QueryLatencies(JdbcTemplate jdbc, int count) {
        this.jdbc = jdbc;
        this.count = count;
    }

    List<String> run() {
        long started = System.nanoTime();
        SyntheticExecutions.insert(jdbc, WORKFLOW, WORKSPACE, count);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("queries: %,d executions of one workflow, %,d in all, %,d step rows, %,d event rows "
                + "(inserted and analysed in %.0f s)", count, rows("executions"), rows("step_executions"),
                rows("execution_events"), (System.nanoTime() - started) / 1e9));
        for (Query query : queries()) {
            lines.add(query.name() + ": " + latency(query, false) + "; with plan_cache_mode=force_custom_plan: "
                    + latency(query, true) + System.lineSeparator() + "      " + plan(query));
        }
        return lines;
    }

    /** The query's latency on one connection, whose prepared statements pgjdbc reuses after 5 runs. */
    private String latency(Query query, boolean customPlans) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            one.execute("SET plan_cache_mode = " + (customPlans ? "force_custom_plan" : "auto"));
            try {
                return Latency.measure(50, 500, run -> one.queryForList(query.sql(), query.parameters().apply(run)));
            } finally {
                one.execute("RESET plan_cache_mode");
            }
        });
    }

    private List<Query> queries() {
        List<UUID> ids = jdbc.queryForList("SELECT id FROM readmodel.executions WHERE workflow_id = ? LIMIT 1000",
                UUID.class, WORKFLOW);
        IntFunction<Object[]> execution = run -> new Object[] {ids.get(run % ids.size()), WORKSPACE};
        IntFunction<Object[]> page = run -> new Object[] {WORKFLOW, random.nextInt(10) * 10};
        return List.of(
                new Query("GET /executions/{eid}: execution row", "SELECT * FROM readmodel.executions WHERE id = ? "
                        + "AND workspace_id = ?", execution),
                new Query("GET /executions/{eid}: its steps", "SELECT * FROM readmodel.step_executions "
                        + "WHERE execution_id = ? AND ?::uuid IS NOT NULL ORDER BY step_order, step_name", execution),
                new Query("timeline: its attempts", "SELECT * FROM readmodel.step_attempts WHERE execution_id = ? "
                        + "AND ?::uuid IS NOT NULL ORDER BY step_name, attempt", execution),
                new Query("list: page of 10, newest first", "SELECT id, status, started_at, completed_at, duration_ms, "
                        + "created_at FROM readmodel.executions WHERE workflow_id = ? "
                        + "ORDER BY created_at DESC LIMIT 10 OFFSET ?", page),
                new Query("list: total", "SELECT count(*) FROM readmodel.executions WHERE workflow_id = ?",
                        run -> new Object[] {WORKFLOW}),
                new Query("list: total, also filtered by workspace_id (defeats the index-only scan)",
                        "SELECT count(*) FROM readmodel.executions WHERE workflow_id = ? AND workspace_id = ?",
                        run -> new Object[] {WORKFLOW, WORKSPACE}),
                new Query("list: page of 10 with status=failed", "SELECT id, status, created_at FROM readmodel.executions "
                        + "WHERE workflow_id = ? AND status = 'failed' ORDER BY created_at DESC LIMIT 10 OFFSET ?", page),
                new Query("list: total with status=failed", "SELECT count(*) FROM readmodel.executions "
                        + "WHERE workflow_id = ? AND status = 'failed'", run -> new Object[] {WORKFLOW}),
                new Query("list: page at skip=50000", "SELECT id, status, created_at FROM readmodel.executions "
                        + "WHERE workflow_id = ? ORDER BY created_at DESC LIMIT 10 OFFSET ?",
                        run -> new Object[] {WORKFLOW, 50_000}),
                new Query("metrics: counts by status", "SELECT status, count(*) FROM readmodel.executions "
                        + "WHERE workflow_id = ? GROUP BY status", run -> new Object[] {WORKFLOW}),
                new Query("metrics: durations of finished executions, with p50/p95/p99", "SELECT count(*), "
                        + "sum(duration_ms), avg(duration_ms), min(duration_ms), max(duration_ms), "
                        + "percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY duration_ms) "
                        + "FROM readmodel.executions WHERE workflow_id = ? AND duration_ms IS NOT NULL",
                        run -> new Object[] {WORKFLOW}),
                new Query("metrics: durations of completed executions only", "SELECT count(*), avg(duration_ms), "
                        + "percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY duration_ms) "
                        + "FROM readmodel.executions WHERE workflow_id = ? AND status = 'completed' "
                        + "AND duration_ms IS NOT NULL", run -> new Object[] {WORKFLOW}),
                new Query("stats: workspace counts by status", "SELECT status, count(*) FROM readmodel.executions "
                        + "WHERE workspace_id = ? GROUP BY status", run -> new Object[] {WORKSPACE}),
                new Query("stats: workspace executions of the last 24 h", "SELECT count(*) FROM readmodel.executions "
                        + "WHERE workspace_id = ? AND created_at >= now() - interval '24 hours'",
                        run -> new Object[] {WORKSPACE}),
                new Query("stats: projection lag", "SELECT coalesce(sum(lag_events), 0), coalesce(max(lag_ms), 0) "
                        + "FROM readmodel.projection_progress", run -> new Object[0]),
                new Query("events: first page of 100", "SELECT sequence, occurred_at, type, data "
                        + "FROM readmodel.execution_events WHERE execution_id = ? AND ?::uuid IS NOT NULL "
                        + "AND sequence > 0 ORDER BY sequence LIMIT 100", execution),
                new Query("state: events up to N", "SELECT data FROM readmodel.execution_events WHERE execution_id = ? "
                        + "AND ?::uuid IS NOT NULL AND sequence <= 3 ORDER BY sequence", execution));
    }

    private String plan(Query query) {
        List<String> plan = jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + query.sql(), String.class,
                query.parameters().apply(0));
        return String.join(System.lineSeparator() + "      ", plan);
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM readmodel." + table, Long.class);
    }
}
