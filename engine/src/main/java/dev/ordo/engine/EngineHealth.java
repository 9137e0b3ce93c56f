package dev.ordo.engine;

/**
 * How the engine is doing: up while its Kafka Streams client runs or rebalances.
 *
 * @param state the Kafka Streams state, or {@code NOT_STARTED}
 * @param incidents inputs the engine failed to handle since it started (see {@link EngineCounters})
 */
public record EngineHealth(boolean up, String state, long incidents, long unreadableInputs) {
}
