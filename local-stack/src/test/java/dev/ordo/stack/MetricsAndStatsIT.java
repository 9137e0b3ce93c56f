package dev.ordo.stack;

import static dev.ordo.stack.WorkflowBodies.flag;
import static dev.ordo.stack.WorkflowBodies.step;
import static dev.ordo.stack.WorkflowBodies.when;
import static dev.ordo.stack.WorkflowBodies.workflow;
import static dev.ordo.stack.WorkspaceApi.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ordo.infra.InfrastructureEndpoints;
import dev.ordo.infra.SharedTestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metrics and stats on a known mix in a workspace of its own: 6 completed (sleeping 200 ms, 700 ms
 * or both at once), 3 failed and 1 cancelled. The durations are checked against the read model's
 * own {@code duration_ms} values, percentiles interpolated as {@code percentile_cont} does.
 */
class MetricsAndStatsIT {

    private static final double TOLERANCE = 1e-6;

    private static WorkspaceApi api;
    private static String workflowId;
    private static final List<String> executions = new ArrayList<>();

    @BeforeAll
    static void aKnownMixOfExecutions() {
        api = WorkspaceApi.fresh();
        workflowId = api.createWorkflow(workflow("mix", List.of(
                when("${fast}", step("fast", 1, List.of(), Map.of("processing_type", "sleep", "millis", 200))),
                when("${slow}", step("slow", 1, List.of(), Map.of("processing_type", "sleep", "millis", 700))),
                when("${fail}", step("boom", 1, List.of(), Map.of("processing_type", "flaky", "retryable", false))),
                when("${hold}", step("hold", 1, List.of(), Map.of("processing_type", "delay", "delay_ms", 60_000)))),
                List.of(flag("fast"), flag("slow"), flag("fail"), flag("hold"))));
        List<String> completed = new ArrayList<>();
        List<Map<String, Object>> completedInputs = List.of(Map.of("fast", true), Map.of("fast", true),
                Map.of("slow", true), Map.of("slow", true), Map.of("fast", true, "slow", true),
                Map.of("fast", true, "slow", true));
        for (Map<String, Object> inputs : completedInputs) {
            completed.add(api.execute(workflowId, inputs));
        }
        List<String> failed = List.of(api.execute(workflowId, Map.of("fail", true)),
                api.execute(workflowId, Map.of("fail", true)), api.execute(workflowId, Map.of("fail", true)));
        String held = api.execute(workflowId, Map.of("hold", true));
        api.awaitStatus(held, "running");
        assertThat(api.post("/api/workflows/executions/" + held + "/cancel", null).status()).isEqualTo(202);
        completed.forEach(id -> api.awaitStatus(id, "completed"));
        failed.forEach(id -> api.awaitStatus(id, "failed"));
        api.awaitStatus(held, "cancelled");
        executions.addAll(completed);
        executions.addAll(failed);
        executions.add(held);
    }

    @Test
    void metrics_count_the_mix_and_agree_with_the_read_models_durations() {
        List<Double> seconds = durations();
        List<Double> sorted = seconds.stream().sorted().toList();

        Map<String, Object> metrics = api.get("/api/workflows/" + workflowId + "/metrics").json();

        assertThat(metrics).containsOnlyKeys(ContractFields.METRICS).containsEntry("total_executions", 10)
                .containsEntry("successful_executions", 6).containsEntry("failed_executions", 3)
                .containsEntry("cancelled_executions", 1).containsEntry("success_rate", 60.0);
        assertThat(seconds).hasSize(10);
        assertThat(number(metrics, "total_duration_seconds"))
                .isCloseTo(seconds.stream().mapToDouble(Double::doubleValue).sum(), within(TOLERANCE));
        double average = seconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(number(metrics, "average_duration_seconds")).isCloseTo(average, within(TOLERANCE));
        assertThat(number(metrics, "min_duration_seconds")).isCloseTo(sorted.get(0), within(TOLERANCE));
        assertThat(number(metrics, "max_duration_seconds")).isCloseTo(sorted.get(9), within(TOLERANCE));
        assertThat(number(metrics, "p50_duration_seconds")).isCloseTo(percentile(sorted, 0.50), within(TOLERANCE));
        assertThat(number(metrics, "p95_duration_seconds")).isCloseTo(percentile(sorted, 0.95), within(TOLERANCE));
        assertThat(number(metrics, "p99_duration_seconds")).isCloseTo(percentile(sorted, 0.99), within(TOLERANCE));
        assertThat(number(metrics, "max_duration_seconds")).isGreaterThanOrEqualTo(0.7);
        assertThat(number(metrics, "p50_duration_seconds")).isGreaterThanOrEqualTo(0.2);
    }

    @Test
    void stats_count_the_workspaces_executions_and_report_the_engines_figures() {
        Map<String, Object> stats = api.get("/api/workflows/executions/stats").json();

        assertThat(stats).containsOnlyKeys(ContractFields.STATS).containsEntry("total_executions", 10)
                .containsEntry("recent_executions_24h", 10);
        assertThat(map(stats.get("status_counts"))).isEqualTo(Map.of("pending", 0, "running", 0, "completed", 6,
                "failed", 3, "cancelled", 1, "timeout", 0));
        Map<String, Object> engine = map(stats.get("workflow_engine_stats"));
        assertThat(engine).containsOnlyKeys(ContractFields.ENGINE_STATS).containsEntry("active_executions", 0)
                .containsEntry("note", null);
        assertThat(((Number) engine.get("live_workers")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(List.of("queued_tasks", "engine_lag_events", "projection_lag_events", "projection_lag_ms"))
                .allSatisfy(figure -> assertThat(((Number) engine.get(figure)).longValue()).as(figure).isNotNegative());
    }

    /** The read model's duration of each execution of the mix, in seconds. */
    private static List<Double> durations() {
        InfrastructureEndpoints endpoints = SharedTestInfrastructure.endpoints();
        List<Double> seconds = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(),
                endpoints.password());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT duration_ms FROM readmodel.executions WHERE id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", executions.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    seconds.add(rows.getLong(1) / 1000.0);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return seconds;
    }

    /** Linear interpolation between the closest ranks, as PostgreSQL's {@code percentile_cont}. */
    private static double percentile(List<Double> sorted, double fraction) {
        double position = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    private static double number(Map<String, Object> body, String key) {
        return ((Number) body.get(key)).doubleValue();
    }
}
