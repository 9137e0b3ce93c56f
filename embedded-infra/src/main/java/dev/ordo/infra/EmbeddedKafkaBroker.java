package dev.ordo.infra;

import java.nio.file.Path;
import java.util.Objects;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker running inside the current JVM in KRaft combined mode
 * (the node is broker and controller at once), listening on {@code localhost} only.
 *
 * <p>Contract:
 * <ul>
 *   <li>The data directory belongs to this broker. It is formatted with a new cluster id only when
 *       it holds no {@code meta.properties}; otherwise topics, committed offsets and records of the
 *       previous run are kept.</li>
 *   <li>A port of {@code 0} means "pick a free port" and is resolved anew on every {@link #start()};
 *       the client port and the controller port must differ.</li>
 *   <li>Internal topics use replication factor 1, transactions (and thereby Kafka Streams
 *       {@code exactly_once_v2}) work, and topics are never auto-created.</li>
 *   <li>The broker's own loggers are kept at {@code WARN}, see {@link BrokerLogLevels}.</li>
 * </ul>
 * Instances are thread-safe. {@link #close()} shuts the broker down and waits for it; it is a no-op
 * when the broker is not running, and the broker may be started again afterwards.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path dataDir;
    private final int requestedPort;
    private final int requestedControllerPort;

    private KafkaRaftServer server;
    private String bootstrapServers;

    /**
     * @param dataDir        the broker's log directory; created when missing
     * @param port           client (PLAINTEXT) port, or {@code 0} for a free one
     * @param controllerPort KRaft controller port, or {@code 0} for a free one
     */
    public EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("Client and controller port must differ: " + port);
        }
        this.requestedPort = port;
        this.requestedControllerPort = controllerPort;
    }

    /**
     * Starts the broker, formatting the data directory first if needed, and returns once the broker
     * accepts clients. Calling it on a running broker just returns its address.
     *
     * @return the bootstrap servers, {@code localhost:<port>}
     * @throws IllegalStateException when the broker cannot start (for example a port in use)
     */
    public synchronized String start() {
        if (server != null) {
            return bootstrapServers;
        }
        BrokerLogLevels.applyWhereUnset();
        int port = FreePort.resolve(requestedPort);
        int controllerPort = requestedControllerPort == 0
                ? distinctFreePort(port) : FreePort.resolve(requestedControllerPort);
        FreePort.requireAvailable(port, "Kafka broker");
        FreePort.requireAvailable(controllerPort, "Kafka controller");
        KafkaConfig config = SingleNodeBrokerConfig.create(dataDir, port, controllerPort);
        boolean formatted = KraftStorage.formatIfUnformatted(config, dataDir);

        long startedAt = System.nanoTime();
        KafkaRaftServer candidate = null;
        try {
            candidate = new KafkaRaftServer(config, Time.SYSTEM);
            candidate.startup();
        } catch (RuntimeException e) {
            shutDownAfterFailedStart(candidate, e);
            throw new IllegalStateException("Kafka broker on port " + port + " (controller " + controllerPort
                    + ", data " + dataDir + ") failed to start", e);
        }
        server = candidate;
        bootstrapServers = "localhost:" + port;
        LOG.info("Kafka broker listening on {} (controller port {}, data {}, {}) after {} ms", bootstrapServers,
                controllerPort, dataDir, formatted ? "newly formatted" : "existing data",
                (System.nanoTime() - startedAt) / 1_000_000);
        return bootstrapServers;
    }

    /**
     * @return {@code localhost:<port>} of the running broker
     * @throws IllegalStateException when the broker is not running
     */
    public synchronized String bootstrapServers() {
        if (server == null) {
            throw new IllegalStateException("Kafka broker is not running");
        }
        return bootstrapServers;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Shuts the broker down cleanly and waits until it has stopped. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        bootstrapServers = null;
        shutDown(stopping);
        LOG.info("Kafka broker with data {} stopped", dataDir);
    }

    private static void shutDownAfterFailedStart(KafkaRaftServer candidate, RuntimeException startFailure) {
        if (candidate == null) {
            return;
        }
        try {
            shutDown(candidate);
        } catch (RuntimeException cleanupFailure) {
            startFailure.addSuppressed(cleanupFailure);
        }
    }

    private static void shutDown(KafkaRaftServer target) {
        target.shutdown();
        target.awaitShutdown();
    }

    private static int distinctFreePort(int taken) {
        int candidate = FreePort.resolve(0);
        while (candidate == taken) {
            candidate = FreePort.resolve(0);
        }
        return candidate;
    }
}
