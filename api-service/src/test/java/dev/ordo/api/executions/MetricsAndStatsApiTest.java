package dev.ordo.api.executions;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ordo.api.ApiTest;
import dev.ordo.api.ContractFields;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Workflow metrics and workspace stats over rows as the projection writes them, with the broker up. */
@ApiTest
class MetricsAndStatsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestWorkspace workspace;
    private String workflowId;

    @BeforeEach
    void aWorkflow() {
        ReadModelFixture.ensureTable(jdbc);
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = workspace.createWorkflow(chain("measured", "a"));
    }

    @Test
    void a_workflow_without_executions_has_rate_0_and_no_durations() {
        HttpApi.Response metrics = workspace.api().get("/api/workflows/" + workflowId + "/metrics");

        assertThat(metrics.status()).as(metrics.text()).isEqualTo(200);
        assertThat(metrics.json()).containsOnlyKeys(ContractFields.METRICS).containsEntry("workflow_id", workflowId)
                .containsEntry("total_executions", 0).containsEntry("success_rate", 0.0)
                .containsEntry("total_duration_seconds", 0.0).containsEntry("min_duration_seconds", null)
                .containsEntry("max_duration_seconds", null).containsEntry("p50_duration_seconds", null);
    }

    @Test
    void metrics_count_by_status_and_take_percentiles_of_finished_durations() {
        Instant end = Instant.now();
        ended("completed", end, 1);
        ended("completed", end, 2);
        ended("completed", end, 3);
        ended("failed", end, 4);
        ended("cancelled", end, 10);
        ReadModelFixture.projected(jdbc, submit(), workflowId, workspace.id(), "running");

        Map<String, Object> metrics = workspace.api().get("/api/workflows/" + workflowId + "/metrics").json();

        assertThat(metrics).containsEntry("total_executions", 6).containsEntry("successful_executions", 3)
                .containsEntry("failed_executions", 1).containsEntry("cancelled_executions", 1)
                .containsEntry("success_rate", 60.0).containsEntry("total_duration_seconds", 20.0)
                .containsEntry("average_duration_seconds", 4.0).containsEntry("min_duration_seconds", 1.0)
                .containsEntry("max_duration_seconds", 10.0).containsEntry("p50_duration_seconds", 3.0);
        assertThat((Double) metrics.get("p95_duration_seconds")).isCloseTo(8.8, within(1e-9));
        assertThat((Double) metrics.get("p99_duration_seconds")).isCloseTo(9.76, within(1e-9));
    }

    @Test
    void stats_count_the_workspaces_executions_by_status_with_the_engines_figures() {
        submit();
        ReadModelFixture.projected(jdbc, submit(), workflowId, workspace.id(), "completed");

        HttpApi.Response stats = workspace.api().get("/api/workflows/executions/stats");

        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        assertThat(stats.json()).containsOnlyKeys(ContractFields.STATS).containsEntry("total_executions", 2)
                .containsEntry("recent_executions_24h", 2);
        assertThat(ExecutionReadsApiTest.map(stats.json().get("status_counts")))
                .containsOnlyKeys(ContractFields.STATUSES).containsEntry("pending", 1).containsEntry("completed", 1)
                .containsEntry("running", 0);
        Map<String, Object> engine = ExecutionReadsApiTest.map(stats.json().get("workflow_engine_stats"));
        assertThat(engine).containsOnlyKeys(ContractFields.ENGINE_STATS).containsEntry("active_executions", 1)
                .containsEntry("note", null).containsEntry("live_workers", 0).containsEntry("queued_tasks", 0)
                .containsEntry("projection_lag_events", 0).containsEntry("projection_lag_ms", 0);
        assertThat(((Number) engine.get("engine_lag_events")).longValue()).isPositive();
    }

    private void ended(String status, Instant end, double seconds) {
        String executionId = submit();
        ReadModelFixture.execution(UUID.fromString(executionId), UUID.fromString(workflowId),
                        UUID.fromString(workspace.id()), ReadModelFixture.chainDefinition("a"))
                .ended(status, end, seconds, null)
                .write(jdbc);
    }

    private String submit() {
        HttpApi.Response submitted = workspace.api().post("/api/workflows/" + workflowId + "/execute", "{}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        return (String) submitted.json().get("execution_id");
    }
}
