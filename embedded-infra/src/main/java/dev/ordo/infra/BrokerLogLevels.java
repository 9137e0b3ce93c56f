package dev.ordo.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;

/**
 * The logger names an in-process Kafka broker writes to, and the level ({@code WARN}) they are
 * kept at so that the broker does not flood the console.
 *
 * <p>{@link EmbeddedKafkaBroker} applies these levels itself when it starts, but only to loggers
 * that have no explicitly configured level, and only when Logback is the SLF4J backend. Spring
 * Boot re-initialises Logback when an application starts, which discards levels set earlier; an
 * application that starts the broker <em>before</em> {@code SpringApplication.run} should add
 * {@link #asSpringLoggingProperties()} to its default properties. Note that
 * {@code org.apache.kafka} also covers the Kafka client libraries.
 */
public final class BrokerLogLevels {

    /** Loggers used by the broker, controller, raft and coordinators. */
    public static final List<String> LOGGER_NAMES = List.of(
            "kafka", "org.apache.kafka", "state.change.logger");

    /** The level the broker loggers are kept at. */
    public static final String LEVEL = "WARN";

    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private BrokerLogLevels() {
    }

    /**
     * Returns {@code logging.level.<name>=WARN} for every broker logger, in Spring Boot's
     * property syntax.
     */
    public static Map<String, String> asSpringLoggingProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        LOGGER_NAMES.forEach(name -> properties.put("logging.level." + name, LEVEL));
        return properties;
    }

    /** Sets {@link #LEVEL} on every broker logger without an explicit level; a no-op without Logback. */
    static void applyWhereUnset() {
        if (LOGBACK_CONTEXT.equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
            LogbackLevels.setWhereUnset(LOGGER_NAMES, LEVEL);
        }
    }
}
