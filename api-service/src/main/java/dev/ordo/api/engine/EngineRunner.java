package dev.ordo.api.engine;

import dev.ordo.engine.EngineOptions;
import dev.ordo.engine.EngineTopology;
import dev.ordo.api.messaging.TopicSettings;
import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the engine topology for as long as the application runs, when {@code ordo.engine.enabled}.
 * Starts after the topics exist; reports its Kafka Streams state as the {@code engine} health.
 *
 * <p>The engine is a static group member ({@code ordo.engine.instance-id}): a restarted instance
 * takes its partitions back at once instead of waiting for its old session to expire, and a clean
 * stop leaves the group so the other instances take over without delay.
 */
@Component("engine")
@ConditionalOnProperty(name = "ordo.engine.enabled", havingValue = "true", matchIfMissing = true)
class EngineRunner implements SmartLifecycle, HealthIndicator {

    private final Properties config;
    private final Topics topics;
    private final EngineOptions options;
    private volatile KafkaStreams streams;

    EngineRunner(EngineSettings settings, TopicSettings topicSettings, Topics topics,
                 @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.topics = topics;
        this.options = settings.options();
        this.config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        config.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topicSettings.replicationFactor());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 1);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), settings.instanceId());
    }

    @Override
    public void start() {
        KafkaStreams created = new KafkaStreams(EngineTopology.build(topics, options), config);
        created.start();
        streams = created;
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(10)).leaveGroup(true));
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    @Override
    public Health health() {
        KafkaStreams running = streams;
        if (running == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = running.state();
        Health.Builder health = state.isRunningOrRebalancing() ? Health.up() : Health.down();
        return health.withDetail("state", state.name()).build();
    }
}
