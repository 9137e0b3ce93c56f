package dev.ordo.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka ({@value #KAFKA_IMAGE}) and PostgreSQL ({@value #POSTGRES_IMAGE}) in Docker containers, configured
 * like the embedded servers: single node, no topic auto-creation, database {@value EmbeddedPostgresServer#DATABASE}.
 * This is the only class that touches Testcontainers, which is an optional dependency: it is loaded only
 * after the caller has checked that Testcontainers is on the classpath.
 */
final class TestcontainersInfrastructure implements RunningInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:17";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;
    private final InfrastructureEndpoints endpoints;

    private TestcontainersInfrastructure() {
        kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        postgres = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                .withDatabaseName(EmbeddedPostgresServer.DATABASE)
                .withUsername(EmbeddedPostgresServer.USERNAME)
                .withPassword(EmbeddedPostgresServer.PASSWORD);
        try {
            Startables.deepStart(kafka, postgres).join();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("Starting Testcontainers infrastructure failed", e);
        }
        endpoints = new InfrastructureEndpoints(kafka.getBootstrapServers(), postgres.getJdbcUrl(),
                postgres.getUsername(), postgres.getPassword());
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static TestcontainersInfrastructure start() {
        return new TestcontainersInfrastructure();
    }

    @Override
    public InfrastructureEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
    }
}
