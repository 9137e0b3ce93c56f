package dev.ordo.engine;

import dev.ordo.contract.wire.Topics;
import java.nio.file.Path;
import java.util.Map;

/**
 * The standalone engine's configuration, from environment variables with the same names and
 * defaults as api-service's: {@code KAFKA_BOOTSTRAP_SERVERS} ({@code localhost:19092}),
 * {@code ORDO_TOPIC_PREFIX} ({@code workflow}), {@code ORDO_TOPIC_PARTITIONS} (6),
 * {@code ORDO_TOPIC_REPLICATION_FACTOR} (1), {@code ORDO_ENGINE_APPLICATION_ID}
 * ({@code ordo-engine}), {@code ORDO_ENGINE_INSTANCE_ID} (application id and host name),
 * {@code ORDO_ENGINE_STATE_DIR} ({@code $ORDO_DATA_DIR/engine}, {@code .ordo-data/engine}),
 * {@code ORDO_ENGINE_COMMIT_INTERVAL} (20ms), {@code ORDO_ENGINE_POLL_INTERVAL} (5ms),
 * {@code ORDO_ENGINE_CACHE_MAX_BYTES} (33554432), {@code ORDO_ENGINE_STREAM_THREADS} (1),
 * {@code ORDO_ENGINE_TIMER_INTERVAL} (100ms), {@code ORDO_ENGINE_FINISHED_RETENTION} (1h),
 * {@code ORDO_ENGINE_TOMBSTONE_RETENTION} (empty: for ever), {@code ORDO_ENGINE_RETRYABLE_RETENTION} (7d).
 *
 * @param partitions how many partitions the engine's topics get when it creates them
 */
record EngineEnvironment(EngineConfig config, int partitions) {

    static EngineEnvironment of(Map<String, String> env) {
        Reader read = new Reader(env);
        Path stateDir = Path.of(read.text("ORDO_ENGINE_STATE_DIR",
                Path.of(read.text("ORDO_DATA_DIR", ".ordo-data"), "engine").toString()));
        EngineOptions options = new EngineOptions(read.duration("ORDO_ENGINE_TIMER_INTERVAL"),
                read.duration("ORDO_ENGINE_FINISHED_RETENTION"), 0, read.duration("ORDO_ENGINE_TOMBSTONE_RETENTION"),
                read.duration("ORDO_ENGINE_RETRYABLE_RETENTION"));
        EngineConfig config = new EngineConfig(read.text("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092"),
                new Topics(read.text("ORDO_TOPIC_PREFIX", Topics.DEFAULT_PREFIX)),
                read.text("ORDO_ENGINE_APPLICATION_ID", EngineConfig.DEFAULT_APPLICATION_ID),
                read.text("ORDO_ENGINE_INSTANCE_ID", null), stateDir, read.duration("ORDO_ENGINE_COMMIT_INTERVAL"),
                read.number("ORDO_ENGINE_STREAM_THREADS", 1), (short) read.number("ORDO_TOPIC_REPLICATION_FACTOR", 1),
                options, read.duration("ORDO_ENGINE_POLL_INTERVAL"), read.bytes("ORDO_ENGINE_CACHE_MAX_BYTES"));
        return new EngineEnvironment(config, read.number("ORDO_TOPIC_PARTITIONS", 6));
    }

    private record Reader(Map<String, String> env) {

        String text(String name, String fallback) {
            String value = env.get(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int number(String name, int fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Expected " + name + " to be a whole number, but it is '" + value + "'");
            }
        }

        long bytes(String name) {
            String value = text(name, null);
            if (value == null) {
                return -1;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Expected " + name + " to be a number of bytes, but it is '" + value + "'");
            }
        }

        java.time.Duration duration(String name) {
            return DurationText.parse(name, env.get(name));
        }
    }
}
