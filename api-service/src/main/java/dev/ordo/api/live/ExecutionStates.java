package dev.ordo.api.live;

import dev.ordo.api.executions.reads.Execution;
import dev.ordo.api.executions.reads.ExecutionLookup;
import dev.ordo.api.executions.reads.ExecutionProgress.StepProgress;
import dev.ordo.api.workspaces.Workspace;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code execution_state} message: the execution as the read model has it and the sequence it
 * stands at, read in one repeatable-read transaction so the two agree.
 */
@Component
class ExecutionStates {

    private final ExecutionLookup lookup;
    private final LiveEvents events;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    ExecutionStates(ExecutionLookup lookup, LiveEvents events, PlatformTransactionManager transactions, Clock clock) {
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Empty when the execution is not in {@code workspace}. */
    Optional<LiveMessage> state(Workspace workspace, UUID executionId) {
        return snapshot.execute(status -> lookup.find(workspace.id(), executionId)
                .map(execution -> message(execution, events.last(executionId))));
    }

    private LiveMessage message(Execution execution, long sequence) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", execution.progress().status());
        data.put("started_at", execution.progress().startedAt());
        data.put("completed_at", execution.progress().completedAt());
        data.put("error_message", execution.progress().errorMessage());
        data.put("results", execution.progress().results());
        data.put("workflow_version", execution.header().workflowVersion());
        data.put("steps", steps(execution));
        return new LiveMessage(LiveMessage.STATE, clock.instant(), execution.header().workspaceId(),
                execution.header().workflowId(), execution.header().id(), null, sequence, data,
                "Execution is " + execution.progress().status());
    }

    private static List<Map<String, Object>> steps(Execution execution) {
        return execution.progress().steps().stream().map(step -> step(execution, step)).toList();
    }

    private static Map<String, Object> step(Execution execution, StepProgress step) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("step_id", execution.header().stepId(step.name()));
        fields.put("step_name", step.name());
        fields.put("status", step.status());
        fields.put("retry_count", step.retryCount());
        fields.put("started_at", step.startedAt());
        fields.put("completed_at", step.completedAt());
        fields.put("error_message", step.error());
        return fields;
    }

    static ExecutionScope scope(LiveMessage state) {
        return new ExecutionScope(state.workflowExecutionId(), state.workflowId(), state.workspaceId());
    }
}
