package dev.ordo.engine;

import static dev.ordo.engine.DrivenEngine.chain;
import static dev.ordo.engine.DrivenEngine.step;
import static dev.ordo.engine.DrivenEngine.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.wire.RecordLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No record the engine writes, to a topic or to a store's changelog, passes what Kafka accepts. */
class BoundedRecordsTest {

    static final EngineOptions OPTIONS = new EngineOptions(Duration.ofMillis(100), Duration.ofMinutes(10), 0);

    @TempDir
    Path stateDir;
    DrivenEngine engine;

    @BeforeEach
    void startEngine() {
        engine = DrivenEngine.with(stateDir, OPTIONS);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void a_300_kb_input_runs_through_a_three_step_chain_and_no_record_passes_the_limit() {
        UUID execution = UUID.randomUUID();
        engine.start(execution, chain(3), Map.of("blob", "x".repeat(300_000)));
        engine.succeedEveryTask();

        assertThat(engine.eventsOf(execution)).last().isEqualTo(new ExecutionCompleted());
        assertThat(engine.eventsOf(execution)).filteredOn(StepSucceeded.class::isInstance).hasSize(3);
        assertThat(engine.largestRecords()).containsKey(DrivenEngine.changelog(EngineTopology.EXECUTIONS_STORE))
                .allSatisfy((topic, size) -> assertThat(size).as(topic).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_BYTES));
    }

    @Test
    void a_10000_step_chain_is_rejected_at_its_start_and_the_next_execution_completes() {
        UUID huge = UUID.randomUUID();
        engine.start(huge, chain(10_000), Map.of());
        UUID next = UUID.randomUUID();
        engine.start(next, chain(2), Map.of());
        engine.succeedEveryTask();

        assertThat(engine.eventsOf(huge)).singleElement().isInstanceOfSatisfying(ExecutionRejected.class,
                rejected -> assertThat(rejected.reason())
                        .isEqualTo("Expected a definition of at most 1000 steps, but it has 10000"));
        assertThat(engine.eventsOf(next)).last().isEqualTo(new ExecutionCompleted());
        assertThat(engine.largestRecords()).allSatisfy((topic, size) ->
                assertThat(size).as(topic).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_BYTES));
    }

    @Test
    void a_step_output_too_large_for_its_event_fails_the_execution_with_an_incident() {
        UUID execution = UUID.randomUUID();
        engine.start(execution, workflow(60, step("a", null)), Map.of());
        engine.readTasks();
        engine.report(new StepSucceededReport(execution, "a", 1, Map.of("blob", "x".repeat(999_900))));
        UUID next = UUID.randomUUID();
        engine.start(next, chain(2), Map.of());
        engine.succeedEveryTask();

        assertThat(engine.eventsOf(execution)).hasSize(4).element(2).isInstanceOfSatisfying(IncidentRecorded.class,
                incident -> {
                    assertThat(incident.input()).isEqualTo("StepSucceededReport");
                    assertThat(incident.stepName()).isEqualTo("a");
                    assertThat(incident.error()).matches("Expected every record to fit in 1000000 bytes, but the "
                            + "StepSucceeded event of step 'a' is \\d+ bytes");
                });
        assertThat(engine.eventsOf(execution).get(3)).isInstanceOf(ExecutionFailed.class);
        assertThat(engine.eventsOf(next)).last().isEqualTo(new ExecutionCompleted());
        assertThat(engine.largestRecords()).allSatisfy((topic, size) ->
                assertThat(size).as(topic).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_BYTES));
    }
}
