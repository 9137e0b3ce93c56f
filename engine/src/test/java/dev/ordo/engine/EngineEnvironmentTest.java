package dev.ordo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.junit.jupiter.api.Test;

/** The standalone engine reads the same variables, with the same defaults, as api-service. */
class EngineEnvironmentTest {

    @Test
    void an_empty_environment_gives_the_defaults() {
        EngineEnvironment environment = EngineEnvironment.of(Map.of());
        EngineConfig config = environment.config();

        assertThat(config.bootstrapServers()).isEqualTo("localhost:19092");
        assertThat(config.topics().commands()).isEqualTo("workflow.commands");
        assertThat(config.applicationId()).isEqualTo("ordo-engine");
        assertThat(config.instanceId()).startsWith("ordo-engine-");
        assertThat(config.stateDir()).isEqualTo(Path.of(".ordo-data", "engine"));
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.cacheMaxBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.streamsProperties()).containsEntry("poll.ms", 5L)
                .containsEntry("statestore.cache.max.bytes", 32L * 1024 * 1024);
        assertThat(config.options()).isEqualTo(EngineOptions.DEFAULTS);
        assertThat(config.options().tombstoneRetention()).isNull();
        assertThat(environment.partitions()).isEqualTo(6);
    }

    @Test
    void every_variable_is_read() {
        EngineEnvironment environment = EngineEnvironment.of(Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), Map.entry("ORDO_TOPIC_PREFIX", "acme"),
                Map.entry("ORDO_TOPIC_PARTITIONS", "12"), Map.entry("ORDO_TOPIC_REPLICATION_FACTOR", "3"),
                Map.entry("ORDO_ENGINE_APPLICATION_ID", "acme-engine"), Map.entry("ORDO_ENGINE_INSTANCE_ID", "engine-2"),
                Map.entry("ORDO_DATA_DIR", "/var/lib/ordo"), Map.entry("ORDO_ENGINE_COMMIT_INTERVAL", "200ms"),
                Map.entry("ORDO_ENGINE_STREAM_THREADS", "4"), Map.entry("ORDO_ENGINE_TIMER_INTERVAL", "1s"),
                Map.entry("ORDO_ENGINE_FINISHED_RETENTION", "PT2H"), Map.entry("ORDO_ENGINE_TOMBSTONE_RETENTION", "90d"),
                Map.entry("ORDO_ENGINE_POLL_INTERVAL", "2ms"), Map.entry("ORDO_ENGINE_CACHE_MAX_BYTES", "1048576")));
        EngineConfig config = environment.config();

        assertThat(config.topics().prefix()).isEqualTo("acme");
        assertThat(environment.partitions()).isEqualTo(12);
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.instanceId()).isEqualTo("engine-2");
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/ordo", "engine"));
        assertThat(config.streamThreads()).isEqualTo(4);
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(2));
        assertThat(config.cacheMaxBytes()).isEqualTo(1_048_576L);
        assertThat(config.options()).isEqualTo(new EngineOptions(Duration.ofSeconds(1), Duration.ofHours(2), 0,
                Duration.ofDays(90)));
    }

    @Test
    void a_malformed_value_is_refused_with_its_name() {
        assertThatThrownBy(() -> EngineEnvironment.of(Map.of("ORDO_ENGINE_TIMER_INTERVAL", "soon")))
                .hasMessage("Expected ORDO_ENGINE_TIMER_INTERVAL to be a duration like 100ms, 30s, 1h or PT1H, "
                        + "but it is 'soon'");
        assertThatThrownBy(() -> EngineEnvironment.of(Map.of("ORDO_ENGINE_STREAM_THREADS", "two")))
                .hasMessage("Expected ORDO_ENGINE_STREAM_THREADS to be a whole number, but it is 'two'");
    }

    @Test
    void the_streams_properties_run_exactly_once_as_a_static_member_with_the_engines_failure_policy() {
        Properties properties = EngineEnvironment.of(Map.of("ORDO_ENGINE_INSTANCE_ID", "engine-1")).config()
                .streamsProperties();

        assertThat(properties).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.consumerPrefix("group.instance.id"), "engine-1")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        LogAndContinueExceptionHandler.class)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        LogAndFailProcessingExceptionHandler.class)
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        EngineProductionExceptionHandler.class);
        new StreamsConfig(properties);
    }
}
