package dev.ordo.contract.wire;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One record of {@code workflow.read-model-updates}, keyed by the execution id: the projection
 * committed a transaction that applied {@code events} to this execution's read model, which now
 * stands at {@code sequence} with {@code status}. Published only after the commit, at least once
 * (a redelivery may repeat a message; a failed publish loses one, so readers that must not miss
 * anything re-read the read model, e.g. {@code readmodel.execution_events} after the last sequence
 * they saw). Never published for a transaction that rolled back.
 *
 * @param workflowId null only for a start the engine refused without reading its command
 * @param workspaceId null only for a start the engine refused without reading its command
 * @param sequence the last event applied to the read model
 * @param status the execution's {@code ExecutionStatus.apiName()} after the events
 * @param events the events this transaction applied, in sequence order
 */
public record ReadModelUpdate(UUID executionId, UUID workflowId, UUID workspaceId, long sequence, String status,
                              List<AppliedEvent> events) {

    /**
     * @param type the event's type name, as in its {@code type} discriminator, e.g. {@code StepSucceeded}
     * @param stepName the step the event is about, or null
     */
    public record AppliedEvent(long sequence, String type, String stepName, Instant occurredAt) {
    }
}
