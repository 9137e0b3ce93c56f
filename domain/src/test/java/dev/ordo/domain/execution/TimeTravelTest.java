package dev.ordo.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.wire.JsonCodec;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The execution as it stood after event N is {@link ExecutionState#fold} of its first N events:
 * for random runs (retries included), every prefix folds to exactly the state the simulated engine
 * held after that event, and that state survives the engine's store (the one codec) unchanged.
 */
class TimeTravelTest {

    private static final long SEED = 20_260_707L;
    private static final int RUNS = 300;
    private static final JsonCodec CODEC = JsonCodec.instance();

    @Test
    void the_fold_of_the_first_n_events_is_the_state_the_engine_held_after_event_n() {
        Random random = new Random(SEED);
        int retried = 0;
        for (int run = 0; run < RUNS; run++) {
            SimulatedRun simulation = new SimulatedRun(random);
            ExecutionState finalState = simulation.run(RandomWorkflows.next(random));
            List<ExecutionEvent> log = simulation.log();
            List<ExecutionState> states = simulation.states();
            UUID executionId = finalState.executionId();
            for (int n = 1; n <= log.size(); n++) {
                ExecutionState folded = ExecutionState.fold(executionId, log.subList(0, n));
                String context = "run " + run + " of seed " + SEED + ", after event " + n;
                assertThat(folded).as(context).isEqualTo(states.get(n - 1));
                assertThat(CODEC.decode(CODEC.encode(folded), ExecutionState.class)).as(context).isEqualTo(folded);
            }
            retried += log.stream().anyMatch(ExecutionEvent.ExecutionRetried.class::isInstance) ? 1 : 0;
        }
        assertThat(retried).as("runs that were retried").isGreaterThan(RUNS / 10);
    }

    @Test
    void no_events_fold_to_an_execution_the_engine_does_not_know() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-00000000007a");
        assertThat(ExecutionState.fold(id, List.of())).isEqualTo(ExecutionState.unknown(id));
    }
}
