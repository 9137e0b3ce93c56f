package dev.ordo.engine;

import static dev.ordo.engine.DrivenEngine.step;
import static dev.ordo.engine.DrivenEngine.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine counts each input it decides on, and the time deciding took. */
class DecisionCountTest {

    @TempDir
    Path stateDir;
    DrivenEngine engine;

    final EngineCounters counters = new EngineCounters();

    @BeforeEach
    void startEngine() {
        engine = DrivenEngine.with(stateDir, FailureBoundaryTest.OPTIONS, counters, Deciding::byTheDomain);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void a_two_step_execution_is_three_decisions_its_start_and_one_per_step_report() {
        UUID execution = UUID.randomUUID();
        engine.start(execution, workflow(60, step("a", null), step("b", null, "a")), Map.of());
        engine.succeedEveryTask();

        assertThat(engine.eventsOf(execution)).last().isEqualTo(new ExecutionCompleted());
        assertThat(counters.decisions()).isEqualTo(3);
        assertThat(counters.decidingNanos()).isPositive();
    }
}
