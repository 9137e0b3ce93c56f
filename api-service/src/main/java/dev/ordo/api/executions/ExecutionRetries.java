package dev.ordo.api.executions;

import dev.ordo.api.executions.reads.Execution;
import dev.ordo.api.executions.reads.ExecutionLookup;
import dev.ordo.api.messaging.CommandOutbox;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.contract.execution.ExecutionCommand.RetryExecution;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Accepts a retry: the execution must exist in the workspace (404), {@code step_inputs} must be an
 * object of objects (400) within the size limit (413), the read model must show the execution
 * {@code failed} or {@code timeout} (409), ended no longer ago than the engine keeps such an
 * execution whole ({@code ordo.engine.retryable-retention}, 409), and {@code step_inputs} may name
 * only steps of the pinned definition that the retry runs again (failed, timed out or cancelled;
 * 400). Then {@code RetryExecution} goes through the outbox like every command. The engine decides
 * again on what it holds, so a retry that loses a race (a second retry, the retention ending) is
 * recorded there as a rejection.
 */
@Service
public class ExecutionRetries {

    private static final Set<String> RUN_AGAIN = Set.of(StepStatus.FAILED.apiName(), StepStatus.TIMED_OUT.apiName(),
            StepStatus.CANCELLED.apiName());

    private final ExecutionLookup lookup;
    private final CommandOutbox commands;
    private final Duration retention;
    private final Clock clock;

    ExecutionRetries(ExecutionLookup lookup, CommandOutbox commands,
                     @Value("${ordo.engine.retryable-retention:7d}") Duration retention, Clock clock) {
        this.lookup = lookup;
        this.commands = commands;
        this.retention = retention;
        this.clock = clock;
    }

    public RetryAccepted retry(Workspace workspace, UUID executionId, Object stepInputs) {
        Execution execution = lookup.find(workspace.id(), executionId)
                .orElseThrow(() -> ApiException.notFound("Execution not found"));
        Map<String, Map<String, Object>> inputs = RetryStepInputs.parse(stepInputs);
        Instant now = Instant.now(clock);
        requireRetryable(execution, now);
        requireStepsRunAgain(execution, inputs.keySet());
        commands.requireBrokerReachable();
        commands.publish(commands.append(new RetryExecution(executionId, inputs, now)));
        return RetryAccepted.of(executionId);
    }

    private void requireRetryable(Execution execution, Instant now) {
        String status = execution.progress().status();
        UUID id = execution.header().id();
        if (!ExecutionStatus.fromApiName(status).map(ExecutionStatus::isRetryable).orElse(false)) {
            throw ApiException.conflict("Only a failed or timed-out execution can be retried, but execution " + id
                    + " is " + status);
        }
        if (!execution.header().hasDefinition()) {
            throw ApiException.conflict("Execution " + id + " never started (the engine refused its start), so it"
                    + " cannot be retried");
        }
        Instant completed = execution.progress().completedAt();
        if (completed != null && completed.plus(retention).isBefore(now)) {
            throw ApiException.conflict("Execution " + id + " can no longer be retried: it ended at " + completed
                    + ", and a failed or timed-out execution is kept for retrying for " + spelled(retention)
                    + " (ORDO_ENGINE_RETRYABLE_RETENTION)");
        }
    }

    private static String spelled(Duration duration) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
        }
        return duration.toString();
    }

    private static void requireStepsRunAgain(Execution execution, Set<String> named) {
        List<String> unknown = named.stream().filter(name -> execution.step(name).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("step_inputs must name steps of the workflow, but "
                    + RetryStepInputs.quoted(unknown) + (unknown.size() == 1 ? " is not one" : " are not"));
        }
        List<String> notRunAgain = execution.progress().steps().stream()
                .filter(step -> named.contains(step.name()) && !RUN_AGAIN.contains(step.status()))
                .map(step -> "'" + step.name() + "' is " + step.status()).toList();
        if (!notRunAgain.isEmpty()) {
            throw ApiException.badRequest("step_inputs may name only the steps the retry runs again (failed, timed out"
                    + " or cancelled), but " + String.join(", ", notRunAgain));
        }
    }
}
