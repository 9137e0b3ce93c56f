package dev.ordo.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * Load generator against a running stack: closed loop ({@code --mode=closed}, {@code --in-flight})
 * or fixed rate ({@code --mode=rate}, {@code --rate}, {@code --seconds}), shapes chain3, fanout10,
 * chain100; completion seen through the read model or the status route ({@code --watch}). Prints a
 * table and one JSON line.
 */
public final class LoadGenerator {

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(args);
        Shape shape = Shape.valueOf(settings.text("shape", "chain3").toUpperCase());
        String mode = settings.text("mode", "closed");
        Api api = new Api(settings.text("api", "http://localhost:8000"));
        int postgresPort = settings.number("postgres-port", 15432);
        List<Long> jvmPids = new ArrayList<>();
        for (String pid : settings.text("pids", "").split(",")) {
            if (!pid.isBlank()) {
                jvmPids.add(Long.parseLong(pid.trim()));
            }
        }
        try (Connection db = DriverManager.getConnection(
                settings.text("database", "jdbc:postgresql://localhost:" + postgresPort + "/ordo"),
                settings.text("database-user", "postgres"), settings.text("database-password", "postgres"));
             CompletionWatcher watcher = new CompletionWatcher(api,
                     settings.text("watch", "read-model").equals("status") ? null : db, settings.number("poll-ms", 2))) {
            List<String> workflows = new ArrayList<>();
            for (int i = 0; i < settings.number("workflows", 16); i++) {
                workflows.add(api.createWorkflow(shape.workflowBody("load " + shape + " " + UUID.randomUUID())));
            }
            new LoadRun(api, watcher, workflows).closedLoop(settings.number("warmup", 200), 16);

            Map<String, Double> cpu0 = cpu(jvmPids, postgresPort);
            LoadRun run = new LoadRun(api, watcher, workflows);
            LoadRun.Result result = mode.equals("rate")
                    ? run.fixedRate(settings.number("rate", 100), settings.number("seconds", 30))
                    : run.closedLoop(settings.number("executions", 3000), settings.number("in-flight", 64));
            Map<String, Double> cpu1 = cpu(jvmPids, postgresPort);

            Map<String, Object> json = new LinkedHashMap<>();
            json.put("shape", shape.name());
            json.put("mode", mode);
            json.put("submitted", result.submitted());
            json.put("completed", result.completed());
            json.put("errors", result.errors());
            json.put("completed_per_s", round(result.completedPerSecond()));
            json.put("latency_ms", summary(result.latency()));
            json.put("latency_from_actual_send_ms", summary(result.latencyFromActualSend()));
            json.put("step_dispatch_ms", stepDispatch(db, result.executionIds()));
            json.put("projection_lag_ms", projectionLag(db, result.executionIds()));
            Map<String, Double> cpuSeconds = new LinkedHashMap<>();
            cpu1.forEach((key, after) -> cpuSeconds.put(key, round(after - cpu0.getOrDefault(key, 0.0))));
            json.put("cpu_s", cpuSeconds);
            double server = cpuSeconds.entrySet().stream().filter(e -> e.getKey().startsWith("process."))
                    .mapToDouble(Map.Entry::getValue).sum();
            json.put("server_cpu_ms_per_execution", round(1000 * server / Math.max(1, result.completed())));
            json.forEach((key, value) -> System.out.printf("  %-30s %s%n", key, value));
            System.out.println(dev.ordo.contract.wire.JsonCodec.instance().encodeToString(json));
        }
        System.exit(0);
    }

    /** process.&lt;pid&gt; and process.postgres totals, plus thread groups of each given JVM. */
    private static Map<String, Double> cpu(List<Long> jvmPids, int postgresPort) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (long pid : jvmPids) {
            seconds.put("process." + pid, ProcessCpu.processSeconds(pid));
            ProcessCpu.threadGroupSeconds(pid, ProcessCpu.LOCAL_STACK_GROUPS)
                    .forEach((group, s) -> seconds.put(pid + "." + group, s));
        }
        double postgres = 0;
        for (long pid : ProcessCpu.postgresProcesses(postgresPort)) {
            try {
                postgres += ProcessCpu.processSeconds(pid);
            } catch (java.io.IOException gone) {
                // a backend that ended
            }
        }
        seconds.put("process.postgres", postgres);
        return seconds;
    }

    /** Step attempts' scheduled → started, from the read model. */
    private static Map<String, Object> stepDispatch(Connection db, List<String> ids) throws Exception {
        return percentiles(db, """
                SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM a.started_at - a.scheduled_at)),
                       max(extract(epoch FROM a.started_at - a.scheduled_at))
                  FROM readmodel.step_attempts a
                 WHERE a.execution_id = ANY(?::uuid[]) AND a.started_at IS NOT NULL""", ids);
    }

    /** Event time (completed_at) against the read model's write time (updated_at) of the completed row. */
    private static Map<String, Object> projectionLag(Connection db, List<String> ids) throws Exception {
        return percentiles(db, """
                SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM updated_at - completed_at)),
                       max(extract(epoch FROM updated_at - completed_at))
                  FROM readmodel.executions WHERE id = ANY(?::uuid[]) AND completed_at IS NOT NULL""", ids);
    }

    private static Map<String, Object> percentiles(Connection db, String sql, List<String> ids) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Double[] p = (Double[]) row.getArray(1).getArray();
                out.put("p50", round(p[0] * 1000));
                out.put("p95", round(p[1] * 1000));
                out.put("p99", round(p[2] * 1000));
                out.put("max", round(row.getDouble(2) * 1000));
            }
        } catch (Exception e) {
            out.put("unavailable", e.getMessage());
        }
        return out;
    }

    private static Map<String, Object> summary(Histogram micros) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("p50", round(micros.getValueAtPercentile(50) / 1000.0));
        out.put("p95", round(micros.getValueAtPercentile(95) / 1000.0));
        out.put("p99", round(micros.getValueAtPercentile(99) / 1000.0));
        out.put("max", round(micros.getMaxValue() / 1000.0));
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private LoadGenerator() {
    }
}
