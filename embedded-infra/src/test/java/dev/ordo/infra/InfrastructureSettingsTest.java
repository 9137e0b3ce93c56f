package dev.ordo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class InfrastructureSettingsTest {

    @Test
    void withoutVariablesEverythingIsEmbeddedOnTheDefaultPortsUnderDotOrdoData() {
        InfrastructureSettings settings = InfrastructureSettings.fromEnvironment(Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of(".ordo-data").toAbsolutePath());
        assertThat(settings.wipeDataDir()).isFalse();
        assertThat(settings.startsEmbeddedKafka()).isTrue();
        assertThat(settings.startsEmbeddedPostgres()).isTrue();
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(19093);
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.kafkaDataDir()).isEqualTo(settings.dataDir().resolve("kafka"));
        assertThat(settings.postgresDataDir()).isEqualTo(settings.dataDir().resolve("postgres"));
    }

    @Test
    void variablesOverrideEveryDefault() {
        InfrastructureSettings settings = InfrastructureSettings.fromEnvironment(Map.of(
                "ORDO_DATA_DIR", "/var/tmp/ordo",
                "ORDO_WIPE", "TRUE",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "KAFKA_PORT", "29092",
                "KAFKA_CONTROLLER_PORT", "29093",
                "DATABASE_URL", "jdbc:postgresql://db:5432/ordo",
                "DATABASE_USER", "ordo",
                "DATABASE_PASSWORD", "secret",
                "POSTGRES_PORT", "0"));

        assertThat(settings).isEqualTo(new InfrastructureSettings(Path.of("/var/tmp/ordo"), true,
                Optional.of("kafka:9092"), 29092, 29093, Optional.of("jdbc:postgresql://db:5432/ordo"),
                "ordo", "secret", 0));
        assertThat(settings.startsEmbeddedKafka()).isFalse();
        assertThat(settings.startsEmbeddedPostgres()).isFalse();
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void blankValuesCountAsUnset() {
        InfrastructureSettings settings = InfrastructureSettings.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", " ", "DATABASE_URL", "", "KAFKA_PORT", ""));

        assertThat(settings.startsEmbeddedKafka()).isTrue();
        assertThat(settings.startsEmbeddedPostgres()).isTrue();
        assertThat(settings.kafkaPort()).isEqualTo(19092);
    }

    @Test
    void invalidValuesAreRejectedNamingTheVariable() {
        assertThatThrownBy(() -> InfrastructureSettings.fromEnvironment(Map.of("POSTGRES_PORT", "5432x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POSTGRES_PORT");
        assertThatThrownBy(() -> InfrastructureSettings.fromEnvironment(Map.of("KAFKA_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAFKA_PORT");
        assertThatThrownBy(() -> InfrastructureSettings.fromEnvironment(Map.of("ORDO_WIPE", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORDO_WIPE");
    }

    @Test
    void endpointsBecomeSpringPropertiesAndHideThePassword() {
        InfrastructureEndpoints endpoints = new InfrastructureEndpoints("localhost:1", "jdbc:postgresql://localhost:2/ordo",
                "postgres", "secret");

        assertThat(endpoints.asSpringProperties()).containsExactly(
                Map.entry("spring.kafka.bootstrap-servers", "localhost:1"),
                Map.entry("spring.datasource.url", "jdbc:postgresql://localhost:2/ordo"),
                Map.entry("spring.datasource.username", "postgres"),
                Map.entry("spring.datasource.password", "secret"));
        assertThat(endpoints.toString()).doesNotContain("secret");
    }
}
