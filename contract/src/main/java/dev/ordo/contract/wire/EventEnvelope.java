package dev.ordo.contract.wire;

import dev.ordo.contract.execution.ExecutionEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * One record of {@code workflow.execution-events}. {@code sequence} runs 1..n without gaps per
 * execution; readers apply an envelope only when its sequence is the one after the last they applied.
 */
public record EventEnvelope(UUID executionId, long sequence, Instant occurredAt, ExecutionEvent event) {
}
