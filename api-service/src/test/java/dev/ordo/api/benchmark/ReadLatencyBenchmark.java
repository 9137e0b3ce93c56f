package dev.ordo.api.benchmark;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.wire.JsonCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Query latency with 100,000 executions of one workflow stored (submissions, read-model rows, three
 * steps each): p50 and p99 of {@code GET /executions/{id}} and of the list route, measured through
 * HTTP on this machine. Not part of the build (its name matches no test pattern); run it with
 * {@code ./mvnw -B -o -q -pl api-service -am verify -Dtest=ReadLatencyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures are in its output file.
 */
@ApiTest
class ReadLatencyBenchmark {

    private static final int EXECUTIONS = 100_000;
    private static final int WARM_UP = 300;
    private static final int SAMPLES = 2_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void query_latency_with_100k_executions() {
        ReadModelFixture.ensureTable(jdbc);
        TestWorkspace workspace = TestWorkspace.create(new HttpApi(port));
        String workflowId = workspace.createWorkflow(chain("measured", "a", "b", "c"));
        long started = System.nanoTime();
        store(UUID.fromString(workflowId), UUID.fromString(workspace.id()));
        System.out.printf("stored %d executions in %.1f s%n", EXECUTIONS, (System.nanoTime() - started) / 1e9);
        List<UUID> ids = jdbc.sql("SELECT execution_id FROM api.execution_submissions WHERE workflow_id = ?")
                .param(UUID.fromString(workflowId)).query(UUID.class).list();
        Random random = new Random(7);

        report("GET /executions/{id}", measure(workspace.api(), SAMPLES,
                i -> "/api/workflows/executions/" + ids.get(random.nextInt(ids.size()))));
        report("GET /{workflow_id}/executions (skip 0..990, limit 10)", measure(workspace.api(), SAMPLES,
                i -> "/api/workflows/" + workflowId + "/executions?limit=10&skip=" + random.nextInt(100) * 10));
        report("GET /{workflow_id}/executions?status=failed", measure(workspace.api(), SAMPLES / 5,
                i -> "/api/workflows/" + workflowId + "/executions?limit=10&status=failed"));
        report("GET /{workflow_id}/metrics", measure(workspace.api(), SAMPLES / 5,
                i -> "/api/workflows/" + workflowId + "/metrics"));
    }

    private void store(UUID workflowId, UUID workspaceId) {
        String definition = JsonCodec.instance().encodeToString(ReadModelFixture.chainDefinition("a", "b", "c"));
        jdbc.sql("""
                INSERT INTO api.execution_submissions (execution_id, workflow_id, workflow_version, workspace_id,
                    execution_number, input_variables, submitted_at)
                SELECT md5(? || n)::uuid, ?, 1, ?, n, jsonb_build_object('n', n), now() - n * interval '1 second'
                  FROM generate_series(1, ?) n
                """).params(workflowId.toString(), workflowId, workspaceId, EXECUTIONS).update();
        jdbc.sql("""
                INSERT INTO readmodel.executions (id, workflow_id, workflow_version, workspace_id, status,
                    input_variables, results, definition, started_at, completed_at, total_steps, completed_steps,
                    failed_steps, skipped_steps, running_steps, last_sequence, created_at, updated_at)
                SELECT md5(? || n)::uuid, ?, 1, ?, CASE WHEN n % 10 = 0 THEN 'failed' ELSE 'completed' END,
                       jsonb_build_object('n', n), '{"step_outputs": {}, "step_statuses": {}}'::jsonb, ?::jsonb,
                       now() - n * interval '1 second', now() - n * interval '1 second' + (n % 997) * interval '1 ms',
                       3, 3, 0, 0, 0, 11, now() - n * interval '1 second', now()
                  FROM generate_series(1, ?) n
                """).params(workflowId.toString(), workflowId, workspaceId, definition, EXECUTIONS).update();
        jdbc.sql("""
                INSERT INTO readmodel.step_executions (execution_id, step_name, step_order, step_type, status, attempt,
                    retry_count, input_data, output_data, started_at, completed_at, updated_at)
                SELECT md5(? || n)::uuid, s.name, s.ord, 'task', 'completed', 1, 0, jsonb_build_object('n', n),
                       jsonb_build_object('n', n), now(), now(), now()
                  FROM generate_series(1, ?) n, (VALUES ('a', 1), ('b', 2), ('c', 3)) s(name, ord)
                """).params(workflowId.toString(), EXECUTIONS).update();
        jdbc.sql("VACUUM ANALYZE api.execution_submissions").update();
        jdbc.sql("VACUUM ANALYZE readmodel.executions").update();
        jdbc.sql("VACUUM ANALYZE readmodel.step_executions").update();
    }

    private static long[] measure(HttpApi api, int samples, IntFunction<String> path) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(api.get(path.apply(i)).status()).isEqualTo(200);
        }
        long[] micros = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            HttpApi.Response response = api.get(path.apply(i));
            micros[i] = (System.nanoTime() - start) / 1000;
            assertThat(response.status()).isEqualTo(200);
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(String route, long[] sortedMicros) {
        List<String> line = new ArrayList<>();
        for (Map.Entry<String, Double> quantile : Map.of("p50", 0.50, "p99", 0.99).entrySet()) {
            int index = (int) Math.ceil(quantile.getValue() * sortedMicros.length) - 1;
            line.add(quantile.getKey() + " " + String.format("%.2f ms", sortedMicros[index] / 1000.0));
        }
        System.out.printf("%s with %d executions: %s (%d samples)%n", route, EXECUTIONS, String.join(", ",
                line.stream().sorted().toList()), sortedMicros.length);
    }
}
