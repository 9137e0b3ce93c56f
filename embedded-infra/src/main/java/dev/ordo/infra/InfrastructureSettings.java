package dev.ordo.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the local stack finds Kafka and PostgreSQL: external servers when their address is given,
 * otherwise embedded servers on the given ports with data under {@link #dataDir()}.
 *
 * <p>{@link #fromEnvironment(Map)} reads these variables (blank counts as unset):
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><td>{@code ORDO_DATA_DIR}</td><td>data root, default {@code .ordo-data} in the working directory;
 *       holds {@code kafka/} and {@code postgres/}</td></tr>
 *   <tr><td>{@code ORDO_WIPE}</td><td>{@code true} deletes the data root before starting</td></tr>
 *   <tr><td>{@code KAFKA_BOOTSTRAP_SERVERS}</td><td>use this Kafka, start no broker</td></tr>
 *   <tr><td>{@code KAFKA_PORT} / {@code KAFKA_CONTROLLER_PORT}</td><td>embedded broker ports,
 *       default 19092 / 19093</td></tr>
 *   <tr><td>{@code DATABASE_URL}</td><td>JDBC URL of an external PostgreSQL, start none</td></tr>
 *   <tr><td>{@code DATABASE_USER} / {@code DATABASE_PASSWORD}</td><td>credentials for
 *       {@code DATABASE_URL}, default {@code postgres} / {@code postgres}</td></tr>
 *   <tr><td>{@code POSTGRES_PORT}</td><td>embedded PostgreSQL port, default 15432</td></tr>
 * </table>
 * A port of {@code 0} means "any free port".
 */
public record InfrastructureSettings(
        Path dataDir,
        boolean wipeDataDir,
        Optional<String> externalKafkaBootstrapServers,
        int kafkaPort,
        int kafkaControllerPort,
        Optional<String> externalDatabaseUrl,
        String databaseUser,
        String databasePassword,
        int postgresPort) {

    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final String DEFAULT_DATA_DIR = ".ordo-data";

    public InfrastructureSettings {
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        Objects.requireNonNull(externalKafkaBootstrapServers, "externalKafkaBootstrapServers");
        Objects.requireNonNull(externalDatabaseUrl, "externalDatabaseUrl");
        Objects.requireNonNull(databaseUser, "databaseUser");
        Objects.requireNonNull(databasePassword, "databasePassword");
    }

    /** Settings from the process environment; see the type documentation for the variables. */
    public static InfrastructureSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Settings from the given variables; see the type documentation for names and defaults. */
    public static InfrastructureSettings fromEnvironment(Map<String, String> variables) {
        EnvironmentVariables env = new EnvironmentVariables(variables);
        return new InfrastructureSettings(
                Path.of(env.text("ORDO_DATA_DIR").orElse(DEFAULT_DATA_DIR)),
                env.flag("ORDO_WIPE"),
                env.text("KAFKA_BOOTSTRAP_SERVERS"),
                env.port("KAFKA_PORT", DEFAULT_KAFKA_PORT),
                env.port("KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT),
                env.text("DATABASE_URL"),
                env.text("DATABASE_USER").orElse(EmbeddedPostgresServer.USERNAME),
                env.text("DATABASE_PASSWORD").orElse(EmbeddedPostgresServer.PASSWORD),
                env.port("POSTGRES_PORT", DEFAULT_POSTGRES_PORT));
    }

    /** Embedded Kafka and PostgreSQL on free ports with data under {@code dataDir}, wiped first. */
    public static InfrastructureSettings embeddedOnFreePorts(Path dataDir) {
        return new InfrastructureSettings(dataDir, true, Optional.empty(), 0, 0, Optional.empty(),
                EmbeddedPostgresServer.USERNAME, EmbeddedPostgresServer.PASSWORD, 0);
    }

    public Path kafkaDataDir() {
        return dataDir.resolve("kafka");
    }

    public Path postgresDataDir() {
        return dataDir.resolve("postgres");
    }

    public boolean startsEmbeddedKafka() {
        return externalKafkaBootstrapServers.isEmpty();
    }

    public boolean startsEmbeddedPostgres() {
        return externalDatabaseUrl.isEmpty();
    }

    /** Hides the database password. */
    @Override
    public String toString() {
        return "InfrastructureSettings[dataDir=" + dataDir + ", wipeDataDir=" + wipeDataDir
                + ", externalKafkaBootstrapServers=" + externalKafkaBootstrapServers + ", kafkaPort=" + kafkaPort
                + ", kafkaControllerPort=" + kafkaControllerPort + ", externalDatabaseUrl=" + externalDatabaseUrl
                + ", databaseUser=" + databaseUser + ", databasePassword=***, postgresPort=" + postgresPort + "]";
    }
}
