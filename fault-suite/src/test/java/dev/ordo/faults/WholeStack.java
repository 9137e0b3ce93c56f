package dev.ordo.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack ({@code ./run}: embedded Kafka and PostgreSQL and the three services in one JVM)
 * started from its exec jar as an OS process with its own data directory and ports. {@link #crash()}
 * is kill -9 of that JVM and of the PostgreSQL it started: pg_ctl daemonises the postmaster, so it is
 * not the JVM's descendant and is found through its {@code postmaster.pid}.
 */
final class WholeStack implements AutoCloseable {

    private final Path dataDir;
    private final ServiceProcess process;
    private final int apiPort = Ports.free();
    private final int workerPort = Ports.free();
    private final int projectionPort = Ports.free();
    private final int kafkaPort = Ports.free();

    WholeStack(Path dataDir) {
        this.dataDir = dataDir;
        this.process = new ServiceProcess("local-stack", ServiceJars.of("local-stack"), Map.ofEntries(
                Map.entry("ORDO_DATA_DIR", dataDir.toString()),
                Map.entry("KAFKA_PORT", String.valueOf(kafkaPort)),
                Map.entry("KAFKA_CONTROLLER_PORT", String.valueOf(Ports.free())),
                Map.entry("POSTGRES_PORT", String.valueOf(Ports.free())),
                Map.entry("API_PORT", String.valueOf(apiPort)),
                Map.entry("WORKER_PORT", String.valueOf(workerPort)),
                Map.entry("PROJECTION_PORT", String.valueOf(projectionPort)),
                Map.entry("ORDO_TOPIC_PARTITIONS", "3"),
                Map.entry("ORDO_WORKER_CONCURRENCY", "8"),
                // As in SplitStack: a killed JVM's consumers leave the groups after 6 s, not 45 s.
                Map.entry("SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "6000"),
                Map.entry("SPRING_KAFKA_CONSUMER_PROPERTIES_HEARTBEAT_INTERVAL_MS", "1500"),
                Map.entry("ORDO_APP_LOG_LEVEL", "INFO")), List.of(), ServiceJars.logs(), "768m");
    }

    /** Starts the stack and waits until its three services are ready. */
    WholeStack start() {
        process.start();
        for (int port : List.of(apiPort, workerPort, projectionPort)) {
            Http http = new Http(port);
            await("local stack ready on " + port).atMost(SplitStack.STARTUP).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        process.requireAlive();
                        return http.get("/actuator/health/readiness").is(200);
                    });
        }
        postmaster().ifPresent(ProcessReaper::track);
        return this;
    }

    /** kill -9 of the stack's JVM, its children and its postmaster with the postmaster's children. */
    void crash() {
        Optional<ProcessHandle> postmaster = postmaster();
        process.kill();
        postmaster.ifPresent(ProcessReaper::killTree);
    }

    void requireAlive() {
        process.requireAlive();
    }

    int apiPort() {
        return apiPort;
    }

    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort() + "/ordo";
    }

    private String postgresPort() {
        return String.valueOf(process.environment().get("POSTGRES_PORT"));
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postgres").resolve("cluster").resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : List.of();
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        crash();
    }
}
