package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionCommand.CancelExecution;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rules for the commands that start and stop a whole execution. A start pins the deadline of the
 * workflow's {@code timeout_seconds}; a start that cannot run (a dependency on no step, a workflow
 * beyond the {@link PayloadLimits}) records {@code ExecutionRejected}, so the execution reads as
 * failed with the reason; a repeated start is rejected. A cancel is accepted only while the
 * execution runs, also while a retry is pending, and ends every unfinished step. Running a
 * finished execution again is {@link RetryRules}.
 */
final class ExecutionRules {

    private ExecutionRules() {
    }

    static Decision start(ExecutionState state, StartExecution start, Instant now) {
        if (state.status() != ExecutionStatus.UNKNOWN) {
            return Decision.rejected(start, "Expected execution " + start.executionId()
                    + " to be new, but it is " + StepReportRules.describe(state.status()));
        }
        String cannotRun = firstUnknownDependency(start);
        cannotRun = cannotRun != null ? cannotRun : PayloadLimits.startTooLarge(start.definition(), start.inputs());
        if (cannotRun != null) {
            return Decision.of(List.of(rejectedStart(start, cannotRun)));
        }
        ExecutionStarted started = new ExecutionStarted(start.workflowId(), start.workflowVersion(),
                start.workspaceId(), start.projectId(), start.definition(), start.inputs(),
                deadline(start.definition(), now));
        List<ExecutionEvent> events = new ArrayList<>();
        events.add(started);
        events.addAll(Progression.from(state.evolve(started), now));
        return Decision.of(events);
    }

    static Decision cancel(ExecutionState state, CancelExecution cancel) {
        if (state.status() != ExecutionStatus.RUNNING) {
            return Decision.rejected(cancel, "Expected execution " + cancel.executionId()
                    + " to be running, but it is " + StepReportRules.describe(state.status()));
        }
        String reason = cancel.reason() == null ? "cancelled on request" : cancel.reason();
        return Decision.of(List.of(new ExecutionCancelled(reason)));
    }

    /** When a run that begins at {@code now} times out: the workflow's {@code timeout_seconds} later, or never. */
    static Instant deadline(WorkflowSnapshot definition, Instant now) {
        int timeout = definition.timeoutSeconds();
        return timeout > 0 ? now.plusSeconds(timeout) : null;
    }

    /** The one event of an execution whose start cannot run: it reads as failed, with {@code reason}. */
    static ExecutionRejected rejectedStart(StartExecution start, String reason) {
        return new ExecutionRejected(start.workflowId(), start.workflowVersion(), start.workspaceId(), start.projectId(),
                reason);
    }

    private static String firstUnknownDependency(StartExecution start) {
        Set<String> names = start.definition().steps().stream().map(StepSpec::name).collect(Collectors.toSet());
        for (StepSpec step : start.definition().steps()) {
            for (String dependency : step.dependsOn()) {
                if (!names.contains(dependency)) {
                    return "Expected step '" + step.name() + "' to depend on a step of the workflow, but '"
                            + dependency + "' is not one";
                }
            }
        }
        return null;
    }
}
