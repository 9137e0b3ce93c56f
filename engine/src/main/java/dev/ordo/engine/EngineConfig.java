package dev.ordo.engine;

import dev.ordo.contract.wire.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

/**
 * Everything an {@link Engine} needs to run, and the Kafka Streams properties that follow from it.
 *
 * <p>Engine instances share {@code applicationId} and split the partitions between them; each is a
 * static group member under its own {@code instanceId}, so a restarted instance takes its
 * partitions back at once instead of waiting for its old session to expire.
 *
 * <p>Latency: a stream thread commits only between polls, so an input that arrives while the thread
 * waits in an idle poll is decided at once but committed (and seen by read_committed readers) only
 * when that poll returns. {@code pollInterval} bounds that wait; {@code commitInterval} bounds how
 * long decisions are batched into one transaction.
 *
 * @param replicationFactor of the changelog topics Kafka Streams creates for the stores
 * @param pollInterval the longest a stream thread blocks in an idle poll (Kafka Streams' {@code poll.ms})
 * @param cacheMaxBytes the state-store cache of all stream threads together; a key written several
 *     times between two commits reaches its changelog once
 */
public record EngineConfig(String bootstrapServers, Topics topics, String applicationId, String instanceId,
                           Path stateDir, Duration commitInterval, int streamThreads, short replicationFactor,
                           EngineOptions options, Duration pollInterval, long cacheMaxBytes) {

    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(20);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(5);
    public static final long DEFAULT_CACHE_MAX_BYTES = 32L * 1024 * 1024;

    public static final String DEFAULT_APPLICATION_ID = "ordo-engine";

    public EngineConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(stateDir, "stateDir");
        applicationId = applicationId == null || applicationId.isBlank() ? DEFAULT_APPLICATION_ID : applicationId;
        instanceId = instanceId == null || instanceId.isBlank() ? applicationId + "-" + hostName() : instanceId;
        commitInterval = commitInterval == null ? DEFAULT_COMMIT_INTERVAL : commitInterval;
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        cacheMaxBytes = cacheMaxBytes < 0 ? DEFAULT_CACHE_MAX_BYTES : cacheMaxBytes;
        streamThreads = Math.max(1, streamThreads);
        replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
        options = options == null ? EngineOptions.DEFAULTS : options;
    }

    /** The default poll interval and state-store cache. */
    public EngineConfig(String bootstrapServers, Topics topics, String applicationId, String instanceId,
                        Path stateDir, Duration commitInterval, int streamThreads, short replicationFactor,
                        EngineOptions options) {
        this(bootstrapServers, topics, applicationId, instanceId, stateDir, commitInterval, streamThreads,
                replicationFactor, options, null, -1);
    }

    /**
     * The Kafka Streams properties: {@code exactly_once_v2}; failure handlers per the engine's policy:
     * inputs are read by a deserializer that never throws (so the deserialization handler, log and
     * continue, is never reached), the processor has its own failure boundary (an exception that
     * escapes it is a defect: fail), and production errors per {@link EngineProductionExceptionHandler}.
     */
    public Properties streamsProperties() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        config.put(StreamsConfig.POLL_MS_CONFIG, pollInterval.toMillis());
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheMaxBytes);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, EngineProductionExceptionHandler.class);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 1);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
        return config;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
