package dev.ordo.engine;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.domain.execution.Decision;
import dev.ordo.domain.execution.ExecutionDecider;
import dev.ordo.domain.execution.ExecutionState;
import java.time.Instant;
import java.util.List;

/**
 * The engine's one call into the domain: what one input comes to for one execution. Whatever it
 * throws is an incident of that execution (see {@link ExecutionProcessor}), never a failure of
 * the stream thread.
 */
@FunctionalInterface
interface Deciding {

    Decided decide(ExecutionState before, EngineInput input, Instant now);

    /**
     * The domain's decider, folded and numbered. A refused start of a new execution is recorded as
     * its {@code ExecutionRejected}, so it reads as failed with its reason; any other rejection of an
     * input for an execution the engine does not know is ignored: there is no event log to record it in.
     */
    static Decided byTheDomain(ExecutionState before, EngineInput input, Instant now) {
        Decision decision = ExecutionDecider.decide(before, input, () -> now);
        if (decision.isRejection() && before.status() == ExecutionStatus.UNKNOWN) {
            CommandRejected rejected = (CommandRejected) decision.events().get(0);
            if (input instanceof StartExecution start) {
                return Decided.fold(before, List.of(new ExecutionRejected(start.workflowId(), start.workflowVersion(),
                        start.workspaceId(), start.projectId(), rejected.reason())), now);
            }
            return Decided.ignored(before, rejected.reason());
        }
        return Decided.fold(before, decision.events(), now);
    }
}
