package dev.ordo.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's runtime, without any framework: runs the {@link EngineTopology} on Kafka Streams
 * from an {@link EngineConfig}, and tells how it is doing. api-service runs one inside its
 * lifecycle; {@link EngineMain} runs one on its own.
 *
 * <p>A stream thread that dies (which no input can cause: see {@code ExecutionProcessor}) stops the
 * whole client, so health reads DOWN instead of a thread failing again and again unseen.
 */
public final class Engine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    public static final String NOT_STARTED = "NOT_STARTED";

    private final EngineConfig config;
    private final EngineCounters counters = new EngineCounters();
    private volatile CompletableFuture<KafkaStreams.State> stopped = new CompletableFuture<>();
    private volatile KafkaStreams streams;

    public Engine(EngineConfig config) {
        this.config = config;
    }

    public synchronized void start() {
        if (streams != null) {
            return;
        }
        CompletableFuture<KafkaStreams.State> ended = stopped.isDone() ? new CompletableFuture<>() : stopped;
        stopped = ended;
        KafkaStreams created = new KafkaStreams(EngineTopology.build(config.topics(), config.options(), counters,
                Deciding::byTheDomain, topic -> EngineTopics.ensureTaskTopic(config, topic)),
                config.streamsProperties());
        created.setUncaughtExceptionHandler(failure -> {
            log.error("A stream thread of the engine failed; the engine stops", failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        created.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                ended.complete(now);
            }
        });
        created.start();
        streams = created;
        log.info("Engine {} started: instance {}, topics {}.*", config.applicationId(), config.instanceId(),
                config.topics().prefix());
    }

    /** Stops and leaves the consumer group, so the other instances take the partitions over at once. */
    public synchronized void stop(Duration timeout) {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(new KafkaStreams.CloseOptions().timeout(timeout).leaveGroup(true));
            streams = null;
            stopped.complete(KafkaStreams.State.NOT_RUNNING);
            log.info("Engine {} stopped: instance {} left the group", config.applicationId(), config.instanceId());
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    public boolean isStarted() {
        return streams != null;
    }

    /** The Kafka Streams state's name, or {@value #NOT_STARTED}. */
    public String state() {
        KafkaStreams running = streams;
        return running == null ? NOT_STARTED : running.state().name();
    }

    public EngineHealth health() {
        KafkaStreams running = streams;
        boolean up = running != null && running.state().isRunningOrRebalancing();
        return new EngineHealth(up, state(), counters.incidents(), counters.unreadableInputs());
    }

    public EngineCounters counters() {
        return counters;
    }

    /** Completes with the final state once the engine stopped, by {@link #stop} or by a failure ({@code ERROR}). */
    public CompletableFuture<KafkaStreams.State> stopped() {
        return stopped;
    }

    public EngineConfig config() {
        return config;
    }
}
