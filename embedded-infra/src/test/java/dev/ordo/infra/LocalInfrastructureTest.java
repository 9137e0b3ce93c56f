package dev.ordo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfrastructureTest {

    @TempDir
    Path tempDir;

    @Test
    void externalKafkaAndDatabaseAreUsedAsGivenAndNothingIsStartedOrCreated() throws Exception {
        InfrastructureEndpoints shared = SharedTestInfrastructure.endpoints();
        Path dataDir = tempDir.resolve("never-created");
        InfrastructureSettings settings = InfrastructureSettings.fromEnvironment(Map.of(
                "ORDO_DATA_DIR", dataDir.toString(),
                "ORDO_WIPE", "true",
                "KAFKA_BOOTSTRAP_SERVERS", shared.bootstrapServers(),
                "DATABASE_URL", shared.jdbcUrl(),
                "DATABASE_USER", shared.username(),
                "DATABASE_PASSWORD", shared.password()));

        try (LocalInfrastructure infrastructure = new LocalInfrastructure()) {
            InfrastructureEndpoints endpoints = infrastructure.start(settings);

            assertThat(endpoints).isEqualTo(shared);
            assertThat(infrastructure.endpoints()).contains(shared);
            assertThat(dataDir).doesNotExist();
            assertThat(new TestKafkaClients(endpoints.bootstrapServers()).clusterId()).isNotBlank();
            assertThat(canConnect(endpoints)).isTrue();
        }
    }

    @Test
    void onlyTheMissingServerIsEmbeddedAndWipeClearsOldData() throws Exception {
        InfrastructureEndpoints shared = SharedTestInfrastructure.endpoints();
        Path dataDir = tempDir.resolve("ordo-data");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("left-over"), "from an earlier run");
        InfrastructureSettings settings = InfrastructureSettings.fromEnvironment(Map.of(
                "ORDO_DATA_DIR", dataDir.toString(),
                "ORDO_WIPE", "true",
                "KAFKA_BOOTSTRAP_SERVERS", shared.bootstrapServers(),
                "POSTGRES_PORT", "0"));

        try (LocalInfrastructure infrastructure = new LocalInfrastructure()) {
            InfrastructureEndpoints endpoints = infrastructure.start(settings);

            assertThat(endpoints.bootstrapServers()).isEqualTo(shared.bootstrapServers());
            assertThat(endpoints.jdbcUrl()).isNotEqualTo(shared.jdbcUrl()).endsWith("/ordo");
            assertThat(canConnect(endpoints)).isTrue();
            assertThat(dataDir.resolve("left-over")).doesNotExist();
            assertThat(dataDir.resolve("postgres/cluster/PG_VERSION")).exists();
            assertThat(dataDir.resolve("kafka")).doesNotExist();
        }
        assertThat(infrastructureIsDown(settings)).isTrue();
    }

    @Test
    void whenOneServerFailsTheOtherIsStoppedAgain() throws Exception {
        int kafkaPort = freePort();
        try (ServerSocket postgresPortInUse = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LocalInfrastructure infrastructure = new LocalInfrastructure()) {
            InfrastructureSettings settings = InfrastructureSettings.fromEnvironment(Map.of(
                    "ORDO_DATA_DIR", tempDir.resolve("ordo-data").toString(),
                    "KAFKA_PORT", Integer.toString(kafkaPort),
                    "KAFKA_CONTROLLER_PORT", "0",
                    "POSTGRES_PORT", Integer.toString(postgresPortInUse.getLocalPort())));

            assertThatThrownBy(() -> infrastructure.start(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("Address already in use")
                    .hasStackTraceContaining("PostgreSQL cannot use port " + postgresPortInUse.getLocalPort());
            assertThat(infrastructure.endpoints()).isEmpty();
            FreePort.requireAvailable(kafkaPort, "the stopped Kafka broker");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean infrastructureIsDown(InfrastructureSettings settings) {
        return !Files.exists(settings.postgresDataDir().resolve("cluster/postmaster.pid"));
    }

    private static boolean canConnect(InfrastructureEndpoints endpoints) throws Exception {
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(),
                endpoints.password())) {
            return connection.isValid(5);
        }
    }
}
