package dev.ordo.engine;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The engine on its own, without api-service: {@code java -jar engine-exec.jar}. Reads its
 * configuration from the environment ({@link EngineEnvironment}), creates its topics when they are
 * missing, runs until SIGTERM (or Ctrl-C), then stops cleanly and leaves the consumer group. Exits
 * with status 1 when the engine stopped by failing.
 */
public final class EngineMain {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOGGING_CONFIG = "logback.configurationFile";

    private EngineMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOGGING_CONFIG) == null) {
            System.setProperty(LOGGING_CONFIG, "ordo-engine-logback.xml");
        }
        Engine engine = run(System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> engine.stop(STOP_TIMEOUT), "ordo-engine-stop"));
        KafkaStreams.State end = engine.stopped().join();
        if (end == KafkaStreams.State.ERROR) {
            System.exit(1);
        }
    }

    /** Creates the topics when missing and starts an engine configured by {@code env}. */
    static Engine run(Map<String, String> env) {
        EngineEnvironment environment = EngineEnvironment.of(env);
        EngineTopics.ensure(environment.config(), environment.partitions());
        Engine engine = new Engine(environment.config());
        engine.start();
        return engine;
    }
}
