package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated inputs: random DAGs with random conditions, delays, timeouts, retries and error
 * handling, run against workers whose outcomes are random (including silence, late and duplicate
 * reports) and random cancels. Every run must end with exactly one terminal event, nothing but
 * rejections after it, and folding the recorded events again must give the engine's final state.
 */
class RandomExecutionsTest {

    private static final long SEED = 20_260_101L;
    private static final int RUNS = 2_000;

    @Test
    void every_random_execution_ends_exactly_once_and_its_log_folds_to_the_engines_state() {
        Random random = new Random(SEED);
        java.util.Set<ExecutionStatus> endings = java.util.EnumSet.noneOf(ExecutionStatus.class);
        for (int run = 0; run < RUNS; run++) {
            WorkflowSnapshot definition = RandomWorkflows.next(random);
            SimulatedRun simulation = new SimulatedRun(random);
            ExecutionState finalState = simulation.run(definition);
            String context = "run " + run + " of seed " + SEED + ": " + definition;

            List<ExecutionEvent> log = simulation.log();
            assertThat(log.stream().filter(ExecutionEvent::isTerminal).count()).as(context).isEqualTo(1);
            int terminalAt = indexOfTerminal(log);
            assertThat(log.subList(terminalAt + 1, log.size())).as(context).allMatch(CommandRejected.class::isInstance);
            assertThat(finalState.status().isTerminal()).as(context).isTrue();
            assertThat(finalState.steps().values()).as(context).allMatch(step -> step.status().isFinished());
            assertThat(Timers.pending(finalState)).as(context).isEmpty();
            assertThat(finalState.version()).as(context).isEqualTo(log.size());
            assertThat(refold(finalState, log)).as(context).isEqualTo(finalState);
            endings.add(finalState.status());
        }
        assertThat(endings).as("the generator reaches every ending").containsExactlyInAnyOrder(
                ExecutionStatus.COMPLETED, ExecutionStatus.FAILED, ExecutionStatus.CANCELLED, ExecutionStatus.TIMED_OUT);
    }

    private static int indexOfTerminal(List<ExecutionEvent> log) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).isTerminal()) {
                return i;
            }
        }
        return -1;
    }

    private static ExecutionState refold(ExecutionState finalState, List<ExecutionEvent> log) {
        ExecutionState state = ExecutionState.unknown(finalState.executionId());
        for (ExecutionEvent event : log) {
            state = state.evolve(event);
        }
        return state;
    }
}
