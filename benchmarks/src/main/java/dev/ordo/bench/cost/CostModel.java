package dev.ordo.bench.cost;

import dev.ordo.bench.load.Api;
import dev.ordo.bench.load.Settings;
import dev.ordo.bench.load.Shape;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.TopicPartition;

/**
 * The measured cost of one execution: against a running stack, submits {@code executions} executions
 * of a shape at a moderate fixed rate, waits until the read model shows them all completed and the
 * system is quiet again, and divides the deltas of server counters (HTTP, JSON codec, PostgreSQL
 * transactions and statements, Kafka offsets per topic) by the number of executions. What the system
 * does while idle over the same time (measured first) is subtracted, and so are the benchmark's own
 * PostgreSQL transactions.
 */
public final class CostModel {

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(args);
        Shape shape = Shape.valueOf(settings.text("shape", "chain3").toUpperCase());
        int executions = settings.number("executions", 200);
        int rate = settings.number("rate", 20);
        long settleMillis = settings.number("settle-ms", 3000);
        String apiUrl = settings.text("api", "http://localhost:8000");
        Map<String, String> services = new LinkedHashMap<>();
        services.put("api", apiUrl);
        services.put("worker", settings.text("worker", "http://localhost:8001"));
        services.put("projection", settings.text("projection", "http://localhost:8002"));
        Api api = new Api(apiUrl);
        try (Connection db = DriverManager.getConnection(settings.text("database", "jdbc:postgresql://localhost:15432/ordo"),
                settings.text("database-user", "postgres"), settings.text("database-password", "postgres"));
             KafkaOffsets kafka = new KafkaOffsets(settings.text("kafka", "localhost:19092"))) {
            boolean statements = ServerCounters.statementsAvailable(db);
            String workflow = api.createWorkflow(shape.workflowBody("cost " + shape + " " + UUID.randomUUID()));
            submitAndAwait(api, db, workflow, Math.max(20, executions / 10), rate); // warm-up, not counted
            LockSupport.parkNanos(settleMillis * 1_000_000L);

            long idleNanos = System.nanoTime();
            Map<String, Double> idle0 = ServerCounters.read(api, services, db, statements);
            Map<TopicPartition, Long> idleOffsets0 = kafka.endOffsets();
            LockSupport.parkNanos((long) executions * 1_000_000_000L / rate + settleMillis * 1_000_000L);
            Map<String, Double> idle1 = ServerCounters.read(api, services, db, statements);
            Map<TopicPartition, Long> idleOffsets1 = kafka.endOffsets();
            idleNanos = System.nanoTime() - idleNanos;

            long clientRequests0 = api.requestsSent();
            long runNanos = System.nanoTime();
            Map<String, Double> run0 = ServerCounters.read(api, services, db, statements);
            Map<TopicPartition, Long> offsets0 = kafka.endOffsets();
            int ownTransactions = submitAndAwait(api, db, workflow, executions, rate);
            LockSupport.parkNanos(settleMillis * 1_000_000L);
            Map<String, Double> run1 = ServerCounters.read(api, services, db, statements);
            Map<TopicPartition, Long> offsets1 = kafka.endOffsets();
            runNanos = System.nanoTime() - runNanos;
            long clientRequests = api.requestsSent() - clientRequests0;

            double idleScale = (double) runNanos / idleNanos;
            System.out.printf("cost of one %s execution (%d executions at %d/s; idle activity over %.1f s subtracted,"
                    + " scaled to the run's %.1f s)%n", shape, executions, rate, idleNanos / 1e9, runNanos / 1e9);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("shape", shape.name());
            json.put("executions", executions);
            json.put("rate", rate);
            json.put("client.http.requests", (double) clientRequests / executions);
            System.out.printf("  %-42s %10.2f%n", "client HTTP requests", (double) clientRequests / executions);
            for (String key : run1.keySet()) {
                double delta = run1.get(key) - run0.get(key);
                double idle = (idle1.get(key) - idle0.get(key)) * idleScale;
                if (key.equals("pg.xact_commit")) {
                    delta -= ownTransactions + 2; // our own queries, and the reads of the counters themselves
                    idle -= 2 * idleScale;
                }
                double perExecution = (delta - idle) / executions;
                json.put(key, round(perExecution));
                System.out.printf("  %-42s %10.2f   (idle share %.2f)%n", key, perExecution, idle / executions);
            }
            Map<String, KafkaOffsets.TopicCount> idleTopics = kafka.between(idleOffsets0, idleOffsets1);
            Map<String, KafkaOffsets.TopicCount> topics = kafka.between(offsets0, offsets1);
            System.out.printf("  %-58s %9s %9s %9s %9s%n", "kafka topic (per execution)", "offsets", "records",
                    "markers", "partitions");
            double offsetsTotal = 0;
            double markersTotal = 0;
            for (Map.Entry<String, KafkaOffsets.TopicCount> topic : topics.entrySet()) {
                KafkaOffsets.TopicCount count = topic.getValue();
                KafkaOffsets.TopicCount idle = idleTopics.get(topic.getKey());
                double idleOffsets = idle == null ? 0 : idle.offsets() * idleScale;
                double idleMarkers = idle == null ? 0 : idle.markers() * idleScale;
                double perOffsets = (count.offsets() - idleOffsets) / executions;
                double perRecords = (count.records() - (idle == null ? 0 : idle.records() * idleScale)) / executions;
                double perMarkers = (count.markers() - idleMarkers) / executions;
                offsetsTotal += perOffsets;
                markersTotal += perMarkers;
                System.out.printf("  %-58s %9.2f %9.2f %9.2f %9d%n", topic.getKey(), perOffsets, perRecords, perMarkers,
                        count.partitionsTouched());
                json.put("kafka." + topic.getKey() + ".records", round(perRecords));
                json.put("kafka." + topic.getKey() + ".markers", round(perMarkers));
                json.put("kafka." + topic.getKey() + ".partitions", count.partitionsTouched());
                if (count.records() != count.committedRecords()) {
                    System.out.printf("    (%d records of aborted transactions)%n", count.records() - count.committedRecords());
                }
            }
            System.out.printf("  %-58s %9.2f %9s %9.2f%n", "all topics", offsetsTotal, "", markersTotal);
            json.put("kafka.offsets", round(offsetsTotal));
            json.put("kafka.markers", round(markersTotal));
            System.out.println(dev.ordo.contract.wire.JsonCodec.instance().encodeToString(json));
        }
    }

    /** Submits at a fixed rate, then waits until all are completed; answers the PostgreSQL transactions it made. */
    private static int submitAndAwait(Api api, Connection db, String workflow, int executions, int rate) {
        long gap = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        List<CompletableFuture<String>> sent = new ArrayList<>();
        for (int i = 0; i < executions; i++) {
            long wait;
            while ((wait = begin + i * gap - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            sent.add(api.execute(workflow, "{\"id\": \"cost-" + i + "\", \"pad\": \"" + "x".repeat(60) + "\"}"));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<String> one : sent) {
            ids.add(one.join());
        }
        int transactions = 0;
        while (true) {
            transactions++;
            if (completed(db, ids) == ids.size()) {
                return transactions;
            }
            LockSupport.parkNanos(500_000_000L);
        }
    }

    private static int completed(Connection db, List<String> ids) {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM readmodel.executions WHERE id = ANY(?::uuid[]) AND status = 'completed'")) {
            query.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private CostModel() {
    }
}
