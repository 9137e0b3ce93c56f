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
    @JsonSubTypes.Type(value = ExecutionCommand.CancelExecution.class, name = "CancelExecution"),
    @JsonSubTypes.Type(value = ExecutionCommand.RetryExecution.class, name = "RetryExecution")
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

    /**
     * Run a failed or timed-out execution again from its failed, timed-out and cancelled steps,
     * under the same execution id; completed steps keep their outputs and are not run again.
     *
     * @param stepInputs by step name, the input that replaces the one a re-run step would get, for
     *     every attempt of the run this retry opens; empty for none. Only steps the retry re-runs
     *     may be named.
     */
    record RetryExecution(UUID executionId, Map<String, Map<String, Object>> stepInputs, Instant requestedAt)
            implements ExecutionCommand {

        public RetryExecution {
            stepInputs = stepInputs == null ? Map.of() : stepInputs;
        }
    }
}
