package dev.ordo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class SharedTestInfrastructureTest {

    @Test
    void theSameInfrastructureIsReturnedForTheWholeJvm() {
        assertThat(SharedTestInfrastructure.endpoints()).isSameAs(SharedTestInfrastructure.endpoints());
    }

    @Test
    void theSharedEmbeddedDatabaseTradesDurabilityForSpeed() throws Exception {
        assumeFalse(TestInfrastructureMode.configured() == TestInfrastructureMode.TESTCONTAINERS,
                "the shared infrastructure runs in Docker");
        InfrastructureEndpoints endpoints = SharedTestInfrastructure.endpoints();
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(),
                endpoints.password()); var rows = connection.createStatement().executeQuery("SHOW fsync")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("off");
        }
    }

    @Test
    void testcontainersWithoutDockerFallsBackToWorkingEmbeddedInfrastructure() throws Exception {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is available here");
        String previous = System.setProperty(TestInfrastructureMode.PROPERTY, "testcontainers");
        try (RunningInfrastructure infrastructure = SharedTestInfrastructure.launch(TestInfrastructureMode.configured())) {
            assertThat(infrastructure).isInstanceOf(EmbeddedTestInfrastructure.class);
            InfrastructureEndpoints endpoints = infrastructure.endpoints();
            assertThat(new TestKafkaClients(endpoints.bootstrapServers()).clusterId()).isNotBlank();
            try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(),
                    endpoints.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        } finally {
            if (previous == null) {
                System.clearProperty(TestInfrastructureMode.PROPERTY);
            } else {
                System.setProperty(TestInfrastructureMode.PROPERTY, previous);
            }
        }
    }

    @Test
    void modeComesFromThePropertyThenTheVariableAndDefaultsToEmbedded() {
        assertThat(TestInfrastructureMode.from(Optional.empty(), Map.of())).isEqualTo(TestInfrastructureMode.EMBEDDED);
        assertThat(TestInfrastructureMode.from(Optional.empty(), Map.of("ORDO_TEST_INFRA", "testcontainers")))
                .isEqualTo(TestInfrastructureMode.TESTCONTAINERS);
        assertThat(TestInfrastructureMode.from(Optional.of("embedded"), Map.of("ORDO_TEST_INFRA", "testcontainers")))
                .isEqualTo(TestInfrastructureMode.EMBEDDED);
        assertThatThrownBy(() -> TestInfrastructureMode.from(Optional.of("docker"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ordo.test.infra");
    }
}
