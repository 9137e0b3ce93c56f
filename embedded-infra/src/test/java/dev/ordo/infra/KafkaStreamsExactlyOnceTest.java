package dev.ordo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine runs Kafka Streams with exactly_once_v2; the shared broker must support it. */
class KafkaStreamsExactlyOnceTest {

    @TempDir
    Path stateDir;

    @Test
    void exactlyOnceV2TopologyProcessesRecords() throws Exception {
        TestKafkaClients clients = new TestKafkaClients(SharedTestInfrastructure.endpoints().bootstrapServers());
        clients.createTopic("eos-input");
        clients.createTopic("eos-output");

        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("eos-input")
                .mapValues(value -> value.toUpperCase(Locale.ROOT))
                .to("eos-output");

        try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsConfig(clients))) {
            streams.start();
            clients.sendInTransaction("eos-input", "wf-1", "started", true);

            assertThat(clients.awaitValues("eos-output", List.of("STARTED"))).containsExactly("STARTED");
            streams.close(Duration.ofSeconds(10));
        }
    }

    private Properties streamsConfig(TestKafkaClients clients) {
        Properties config = new Properties();
        config.putAll(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, "eos-test",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.endpoints().bootstrapServers(),
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100",
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString(),
                StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName(),
                StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName()));
        return config;
    }
}
