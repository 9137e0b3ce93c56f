package dev.ordo.contract.execution;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.ordo.contract.definition.WorkflowSnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A request from a client about one execution, carried on {@code workflow.commands}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ExecutionCommand.StartExecution.class, name = "StartExecution"),
    @JsonSubTypes.Type(value = ExecutionCommand.CancelExecution.class, name = "CancelExecution")
})
public sealed interface ExecutionCommand extends EngineInput {

    /**
     * Start a new execution of a pinned definition with inputs already checked against the
     * workflow's declared variables.
     */
    record StartExecution(
            UUID executionId,
            UUID workflowId,
            int workflowVersion,
            UUID workspaceId,
            UUID projectId,
            WorkflowSnapshot definition,
            Map<String, Object> inputs,
            Instant submittedAt) implements ExecutionCommand {

        public StartExecution {
            inputs = inputs == null ? Map.of() : inputs;
        }
    }

    /** Stop scheduling and cancel every step not yet finished. */
    record CancelExecution(UUID executionId, String reason, Instant requestedAt) implements ExecutionCommand {
    }
}
