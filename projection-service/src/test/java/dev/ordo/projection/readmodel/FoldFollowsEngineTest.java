package dev.ordo.projection.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.RandomWorkflows;
import dev.ordo.domain.execution.SimulatedRun;
import dev.ordo.domain.execution.StepState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The engine is the source of truth: for random executions driven through the real decider, the
 * read model folded from every prefix of the event log must say what the engine's state says.
 */
class FoldFollowsEngineTest {

    private static final long SEED = 20_261_111L;
    private static final int RUNS = 600;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void after_every_event_of_every_random_execution_the_read_model_agrees_with_the_engine() {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            WorkflowSnapshot definition = RandomWorkflows.next(random);
            SimulatedRun simulation = new SimulatedRun(random);
            ExecutionState engine = simulation.run(definition);
            List<ExecutionEvent> log = simulation.log();

            ExecutionState state = ExecutionState.unknown(engine.executionId());
            ExecutionView view = new ExecutionView(engine.executionId());
            for (int i = 0; i < log.size(); i++) {
                ExecutionEvent event = log.get(i);
                state = state.evolve(event);
                ExecutionFold.apply(view, new EventEnvelope(view.id, i + 1, T0.plusMillis(i), event));
                assertAgree(state, view, "run " + run + " of seed " + SEED + ", after event " + (i + 1) + " "
                        + event + " of " + log);
            }
        }
    }

    private static void assertAgree(ExecutionState state, ExecutionView view, String context) {
        assertThat(view.status).as("execution status, " + context).isEqualTo(state.status().apiName());
        assertThat(view.lastSequence).as("last sequence, " + context).isEqualTo(state.version());
        assertThat(view.steps.keySet()).as("steps, " + context).containsExactlyElementsOf(state.steps().keySet());
        state.steps().forEach((name, engineStep) -> assertStepAgrees(engineStep, view.steps.get(name),
                "step " + name + ", " + context));
        if (state.status().isTerminal()) {
            Map<String, Object> outputs = new java.util.LinkedHashMap<>();
            Map<String, Object> statuses = new java.util.LinkedHashMap<>();
            state.steps().forEach((name, step) -> {
                statuses.put(name, step.status().apiName());
                if (step.output() != null) {
                    outputs.put(name, step.output());
                }
            });
            assertThat(view.results).as("results, " + context)
                    .isEqualTo(Map.of("step_outputs", outputs, "step_statuses", statuses));
        }
    }

    private static void assertStepAgrees(StepState engine, StepView row, String context) {
        assertThat(row.status).as("status of " + context).isEqualTo(engine.status().apiName());
        assertThat(row.attempt).as("attempt of " + context).isEqualTo(engine.attempt());
        assertThat(row.output).as("output of " + context).isEqualTo(engine.output());
        assertThat(row.error).as("error of " + context).isEqualTo(engine.error());
        assertThat(row.attempts.keySet()).as("attempt rows of " + context)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, engine.attempt())
                        .boxed().collect(Collectors.toList()));
        AttemptView current = row.currentAttempt();
        if (current != null) {
            assertThat(current.isOpen()).as("current attempt open of " + context)
                    .isEqualTo(engine.status().isInFlight());
        }
    }

    @Test
    void a_rejected_start_reads_failed_with_its_reason_as_the_engine_says() {
        ExecutionState state = ExecutionState.unknown(java.util.UUID.randomUUID());
        ExecutionEvent rejected = new ExecutionEvent.ExecutionRejected(null, 0, null, null, "unreadable command");
        state = state.evolve(rejected);
        ExecutionView view = new ExecutionView(state.executionId());
        ExecutionFold.apply(view, new EventEnvelope(view.id, 1, T0, rejected));

        assertThat(view.status).isEqualTo(state.status().apiName());
        assertThat(view.errorMessage).isEqualTo("unreadable command");
        assertThat(view.steps).isEmpty();
        assertThat(Map.copyOf(view.errorDetails)).containsKey("rejected");
    }
}
