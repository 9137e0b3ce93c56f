package dev.ordo.faults;

import static org.awaitility.Awaitility.await;

import dev.ordo.infra.EmbeddedKafkaBroker;
import dev.ordo.infra.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The production shape on one machine: Kafka and PostgreSQL (embedded, in the test JVM, on fixed ports
 * and data directories so that they come back where they were), and api-service (engine off), one
 * engine, two workers and the projection, each its own OS process started from its exec jar.
 *
 * <p>Consumers of the workers and the projection run with a 6 s session timeout (the broker's minimum)
 * instead of the client's 45 s, so that partitions of a killed instance move on within the suite's time.
 */
final class SplitStack implements AutoCloseable {

    static final Duration STARTUP = Duration.ofSeconds(150);
    private static final List<String> FAST_CONSUMER_FAILOVER = List.of(
            "--spring.kafka.consumer.properties[session.timeout.ms]=6000",
            "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1500");

    final EmbeddedKafkaBroker kafka;
    final EmbeddedPostgresServer postgres;
    final ServiceProcess api;
    final ServiceProcess engine;
    final ServiceProcess workerA;
    final ServiceProcess workerB;
    final ServiceProcess projection;
    private final int apiPort = Ports.free();
    private final int projectionPort = Ports.free();
    private final Map<ServiceProcess, Integer> healthPorts = new HashMap<>();

    SplitStack(Path dataDir) {
        kafka = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), Ports.free(), Ports.free());
        postgres = new EmbeddedPostgresServer(dataDir.resolve("postgres"), Ports.free());
        String bootstrap = kafka.start();
        String jdbcUrl = postgres.start();
        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "DATABASE_URL", jdbcUrl,
                "ORDO_TOPIC_PARTITIONS", "3", "ORDO_DATA_DIR", dataDir.resolve("services").toString(),
                "ORDO_APP_LOG_LEVEL", "INFO");
        Path logs = ServiceJars.logs();
        api = new ServiceProcess("api-service", ServiceJars.of("api-service"),
                with(common, "API_PORT", apiPort, "ORDO_ENGINE_ENABLED", "false", "ORDO_COMMAND_SEND_TIMEOUT", "3s"),
                List.of(), logs);
        engine = new ServiceProcess("engine", ServiceJars.of("engine"),
                with(common, "ORDO_ENGINE_INSTANCE_ID", "fault-engine-1",
                        "ORDO_ENGINE_STATE_DIR", dataDir.resolve("engine-state").toString()), List.of(), logs);
        workerA = worker("worker-a", common, logs);
        workerB = worker("worker-b", common, logs);
        projection = new ServiceProcess("projection-service", ServiceJars.of("projection-service"),
                with(common, "PROJECTION_PORT", projectionPort, "ORDO_PROJECTION_LAG_INTERVAL", "1s"),
                FAST_CONSUMER_FAILOVER, logs);
        healthPorts.put(api, apiPort);
        healthPorts.put(projection, projectionPort);
    }

    private ServiceProcess worker(String id, Map<String, String> common, Path logs) {
        int port = Ports.free();
        ServiceProcess worker = new ServiceProcess(id, ServiceJars.of("worker-service"),
                with(common, "WORKER_PORT", port, "ORDO_WORKER_ID", id, "ORDO_WORKER_CONCURRENCY", "8"),
                FAST_CONSUMER_FAILOVER, logs);
        healthPorts.put(worker, port);
        return worker;
    }

    /** Starts every service at once and waits until each HTTP service is ready. */
    SplitStack start() {
        List<ServiceProcess> all = services();
        all.forEach(ServiceProcess::start);
        all.forEach(this::awaitReady);
        return this;
    }

    /** Waits for readiness on the service's port; the engine has none, and is ready when it runs. */
    void awaitReady(ServiceProcess service) {
        Integer port = healthPorts.get(service);
        if (port == null) {
            service.requireAlive();
            return;
        }
        Http http = new Http(port);
        await(service.name() + " ready").atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
            service.requireAlive();
            return http.get("/actuator/health/readiness").is(200);
        });
    }

    /** Fails when a service that should run has exited on its own. */
    void requireAlive() {
        services().forEach(ServiceProcess::requireAlive);
    }

    int apiPort() {
        return apiPort;
    }

    int projectionPort() {
        return projectionPort;
    }

    List<ServiceProcess> services() {
        return List.of(api, engine, workerA, workerB, projection);
    }

    /** Kills every service, then stops the broker and the database; safe to call after any failure. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable resource : List.<AutoCloseable>of(api, engine, workerA, workerB, projection, kafka, postgres)) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(new IllegalStateException("Stopping " + resource + " failed", e));
            }
        }
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
            throw failures.get(0);
        }
    }

    private static Map<String, String> with(Map<String, String> base, Object... pairs) {
        Map<String, String> environment = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return environment;
    }
}
