package dev.ordo.bench;

import dev.ordo.contract.wire.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * Submits executions of a three-step workflow to a running system through the public API, waits
 * for all of them to complete, and reports throughput and end-to-end latency (from the moment
 * api-service accepted the submission to the engine's {@code ExecutionCompleted}), read from
 * PostgreSQL.
 *
 * <p>Settings (environment): {@code BENCH_API} (default {@code http://localhost:8000}),
 * {@code BENCH_EXECUTIONS} (2000), {@code BENCH_CONCURRENCY} (64), {@code BENCH_WARMUP} (200),
 * {@code BENCH_WORKFLOWS} (1: how many identical workflows the executions are spread over),
 * {@code DATABASE_URL} / {@code DATABASE_USER} / {@code DATABASE_PASSWORD} (the local stack's).
 */
public final class ThroughputBenchmark {

    private static final String WORKFLOW = """
            {"name": "bench %s", "steps": [
              {"name": "prepare", "step_order": 1, "config": {"processing_type": "default"}},
              {"name": "process", "step_order": 2, "depends_on_steps": ["prepare"], "config": {"processing_type": "default"}},
              {"name": "finalize", "step_order": 3, "depends_on_steps": ["process"], "config": {"processing_type": "default"}}
            ]}""";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String api = env("BENCH_API", "http://localhost:8000");

    public static void main(String[] args) throws Exception {
        new ThroughputBenchmark().run();
    }

    private void run() throws Exception {
        int executions = Integer.parseInt(env("BENCH_EXECUTIONS", "2000"));
        int concurrency = Integer.parseInt(env("BENCH_CONCURRENCY", "64"));
        int warmup = Integer.parseInt(env("BENCH_WARMUP", "200"));
        int workflowCount = Integer.parseInt(env("BENCH_WORKFLOWS", "1"));
        try (Connection db = DriverManager.getConnection(env("DATABASE_URL", "jdbc:postgresql://localhost:15432/ordo"),
                env("DATABASE_USER", "postgres"), env("DATABASE_PASSWORD", "postgres"))) {
            List<String> warmupWorkflows = List.of(createWorkflow());
            awaitCompleted(db, warmupWorkflows, submitAll(warmupWorkflows, warmup, concurrency));
            List<String> workflows = new ArrayList<>();
            for (int i = 0; i < workflowCount; i++) {
                workflows.add(createWorkflow());
            }
            Instant begin = Instant.now();
            int accepted = submitAll(workflows, executions, concurrency);
            Duration submitting = Duration.between(begin, Instant.now());
            awaitCompleted(db, workflows, accepted);
            report(db, workflows, accepted, concurrency, submitting);
        }
    }

    private String createWorkflow() throws Exception {
        HttpResponse<String> created = post("/api/workflows/", WORKFLOW.formatted(UUID.randomUUID()));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create answered " + created.statusCode() + ": " + created.body());
        }
        return (String) JsonCodec.instance().decode(created.body(), Map.class).get("id");
    }

    private int submitAll(List<String> workflowIds, int count, int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger accepted = new AtomicInteger();
        java.util.concurrent.ConcurrentMap<String, AtomicInteger> refused = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<?>> sends = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String workflowId = workflowIds.get(i % workflowIds.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/workflows/" + workflowId + "/execute"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"input_variables\": {\"n\": " + i + "}}"))
                    .build();
            sends.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                if (error == null && response.statusCode() == 202) {
                    accepted.incrementAndGet();
                } else {
                    String why = error != null ? error.toString() : response.statusCode() + " " + response.body();
                    refused.computeIfAbsent(why, key -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        refused.forEach((why, times) -> System.out.println("refused " + times + "x: " + why));
        return accepted.get();
    }

    private static void awaitCompleted(Connection db, List<String> workflowIds, int expected) {
        Awaitility.await("all " + expected + " executions completed")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count(db, workflowIds) >= expected);
    }

    private static int count(Connection db, List<String> workflowIds) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM readmodel.executions WHERE workflow_id::text = ANY(?) AND status = 'completed'")) {
            query.setArray(1, db.createArrayOf("text", workflowIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void report(Connection db, List<String> workflowIds, int executions, int concurrency,
                               Duration submitting)
            throws SQLException {
        String sql = """
                SELECT count(*),
                       extract(epoch FROM max(e.completed_at) - min(s.submitted_at)),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.completed_at - s.submitted_at)),
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM e.completed_at - s.submitted_at)),
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM e.completed_at - s.submitted_at))
                  FROM readmodel.executions e JOIN api.execution_submissions s ON s.execution_id = e.id
                 WHERE e.workflow_id::text = ANY(?) AND e.status = 'completed'
                """;
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", workflowIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                double span = rows.getDouble(2);
                System.out.printf("executions %d (3 steps each) over %d workflow(s), concurrency %d, submitted in %.1f s%n",
                        rows.getInt(1), workflowIds.size(), concurrency, submitting.toMillis() / 1000.0);
                System.out.printf("throughput %.0f completed executions/s (first submit to last completion %.1f s)%n",
                        rows.getInt(1) / span, span);
                System.out.printf("latency submit->completed: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
                        rows.getDouble(3) * 1000, rows.getDouble(4) * 1000, rows.getDouble(5) * 1000);
            }
        }
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
