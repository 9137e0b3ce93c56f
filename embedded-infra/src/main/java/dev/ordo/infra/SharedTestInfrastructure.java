package dev.ordo.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker and one PostgreSQL database per test JVM, started on first use and stopped by a JVM
 * shutdown hook. Integration tests of every service module share them, so tests must not rely on
 * being alone: use unique topic names, consumer group ids and table rows.
 *
 * <p>What backs them is chosen once, by system property {@code ordo.test.infra} or, when unset,
 * environment variable {@code ORDO_TEST_INFRA}:
 * <ul>
 *   <li>{@code embedded} (default): {@link EmbeddedKafkaBroker} and {@link EmbeddedPostgresServer} on free
 *       ports with data in a temporary directory that is deleted at JVM exit.</li>
 *   <li>{@code testcontainers}: {@code apache/kafka} and {@code postgres:17} containers. Requires
 *       {@code org.testcontainers:testcontainers-kafka} and {@code testcontainers-postgresql} on the test
 *       classpath and a reachable Docker engine; when either is missing one WARN line is logged and the
 *       embedded servers are used instead.</li>
 * </ul>
 */
public final class SharedTestInfrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTestInfrastructure.class);
    private static final String DOCKER_CLIENT_FACTORY = "org.testcontainers.DockerClientFactory";

    private static RunningInfrastructure running;

    private SharedTestInfrastructure() {
    }

    /**
     * Returns the endpoints of this JVM's shared infrastructure, starting it on the first call.
     *
     * @throws IllegalStateException when it cannot be started; later calls try again
     */
    public static synchronized InfrastructureEndpoints endpoints() {
        if (running == null) {
            RunningInfrastructure started = launch(TestInfrastructureMode.configured());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ordo-shared-test-infra-stop"));
            running = started;
        }
        return running.endpoints();
    }

    /** Starts fresh infrastructure of the requested kind, falling back to embedded when Docker is out of reach. */
    static RunningInfrastructure launch(TestInfrastructureMode requested) {
        if (requested == TestInfrastructureMode.TESTCONTAINERS && testcontainersUsable()) {
            LOG.info("Starting shared test infrastructure in Docker via Testcontainers");
            return TestcontainersInfrastructure.start();
        }
        RunningInfrastructure embedded = EmbeddedTestInfrastructure.start();
        LOG.info("Shared test infrastructure started: {}", embedded.endpoints());
        return embedded;
    }

    private static boolean testcontainersUsable() {
        if (!onClasspath(DOCKER_CLIENT_FACTORY)) {
            LOG.warn("Testcontainers requested but not on the test classpath; using embedded Kafka and PostgreSQL instead");
            return false;
        }
        if (!TestcontainersInfrastructure.dockerAvailable()) {
            LOG.warn("Testcontainers requested but Docker is unavailable; using embedded Kafka and PostgreSQL instead");
            return false;
        }
        return true;
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, SharedTestInfrastructure.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
