package dev.ordo.api.executions.stats;

import java.time.Instant;

/**
 * How far the engine and the projection are behind their input, in records, as measured at
 * {@code measuredAt}; a figure is null when the broker did not give it.
 *
 * @param engineLagEvents commands and step reports not yet taken by the engine
 * @param projectionLagEvents events of the log not yet taken by the projection, all partitions
 */
public record BrokerLag(Long engineLagEvents, Long projectionLagEvents, Instant measuredAt) {
}
