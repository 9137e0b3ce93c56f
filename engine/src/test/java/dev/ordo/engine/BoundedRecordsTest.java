package dev.ordo.engine;

import static dev.ordo.engine.DrivenEngine.chain;
import static dev.ordo.engine.DrivenEngine.step;
import static dev.ordo.engine.DrivenEngine.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.NumberedEvent;
import dev.ordo.domain.execution.Outcome;
import java.time.Instant;
import java.util.Set;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.RecordLimits;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        assertThat(engine.largestRecords().get(DrivenEngine.changelog(EngineTopology.EXECUTIONS_STORE)))
                .isLessThan(OutputSpill.SPILL_THRESHOLD_BYTES);
        assertThat(engine.keysAbout(execution).get(EngineTopology.STEP_OUTPUTS_STORE)).containsExactly(
                execution + "|s0", execution + "|s1", execution + "|s2");
        assertThat(engine.stateOf(execution).step("s2").output()).isEqualTo(Map.of("blob", "x".repeat(300_000)));
    }

    @Test
    void the_spilled_outputs_go_with_the_execution_when_its_retention_ends() {
        UUID execution = UUID.randomUUID();
        engine.start(execution, chain(2), Map.of("blob", "x".repeat(100_000)));
        engine.succeedEveryTask();
        engine.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(engine.keysAbout(execution)).containsOnlyKeys(EngineTopology.TOMBSTONES_STORE);
    }

    @Test
    void many_small_outputs_that_pass_the_inline_budget_together_are_kept_apart_largest_first() {
        UUID execution = UUID.randomUUID();
        engine.start(execution, workflow(60, step("a", null), step("b", null), step("c", null), step("d", null),
                step("e", null)), Map.of());
        for (StepTask task : engine.readTasks()) {
            int size = task.stepName().equals("e") ? 15_000 : 14_000;
            engine.report(new StepSucceededReport(execution, task.stepName(), 1, Map.of("v", "x".repeat(size))));
        }

        assertThat(engine.eventsOf(execution)).last().isEqualTo(new ExecutionCompleted());
        assertThat(engine.keysAbout(execution).get(EngineTopology.STEP_OUTPUTS_STORE)).containsExactly(execution + "|e");
        assertThat(engine.stateOf(execution).step("e").output()).isEqualTo(Map.of("v", "x".repeat(15_000)));
        assertThat(engine.stateOf(execution).step("a").output()).isEqualTo(Map.of("v", "x".repeat(14_000)));
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
                        .isEqualTo("Expected the workflow to have at most 1000 steps, but it has 10000"));
        assertThat(engine.eventsOf(next)).last().isEqualTo(new ExecutionCompleted());
        assertThat(engine.largestRecords()).allSatisfy((topic, size) ->
                assertThat(size).as(topic).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_BYTES));
    }

    @Test
    void the_largest_start_the_engine_admits_keeps_every_record_under_the_limit() {
        List<StepSpec> steps = new ArrayList<>();
        for (int i = 0; i < RecordLimits.MAX_STEPS; i++) {
            String name = String.format("step-%03d-", i) + "n".repeat(50);
            steps.add(i == 0 ? step(name, 60) : step(name, 60, steps.get(i - 1).name()));
        }
        WorkflowSnapshot largest = new WorkflowSnapshot(600, 3, Map.of(), steps);
        assertThat(RecordLimits.encodedSize(largest)).isBetween(200_000, RecordLimits.MAX_DEFINITION_BYTES);
        UUID execution = UUID.randomUUID();
        engine.start(execution, largest, Map.of("blob", "x".repeat(RecordLimits.MAX_INPUT_VARIABLES_BYTES - 20)));

        assertThat(engine.readTasks()).hasSize(1);
        assertThat(engine.largestRecords()).allSatisfy((topic, size) ->
                assertThat(size).as(topic).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_BYTES));
        assertThat(engine.largestRecords().get(DrivenEngine.changelog(EngineTopology.EXECUTIONS_STORE)))
                .isLessThan(200_000);
    }

    @Test
    void input_variables_above_their_limit_are_refused_at_the_start() {
        UUID execution = UUID.randomUUID();
        engine.start(execution, chain(1), Map.of("blob", "x".repeat(RecordLimits.MAX_INPUT_VARIABLES_BYTES)));

        assertThat(engine.eventsOf(execution)).singleElement().isInstanceOfSatisfying(ExecutionRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("Expected the input variables to be at most 524288 "
                        + "bytes, but it is 524299 bytes"));
    }

    @Test
    void a_step_output_above_its_limit_fails_the_step_terminally_and_the_next_execution_completes() {
        UUID execution = UUID.randomUUID();
        engine.start(execution, workflow(60, step("a", null)), Map.of());
        engine.readTasks();
        engine.report(new StepSucceededReport(execution, "a", 1, Map.of("blob", "x".repeat(999_900))));
        UUID next = UUID.randomUUID();
        engine.start(next, chain(2), Map.of());
        engine.succeedEveryTask();

        assertThat(engine.eventsOf(execution)).element(2).isInstanceOfSatisfying(StepFailed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.error()).startsWith("Expected step 'a' output to be at most 524288 bytes");
        });
        assertThat(engine.eventsOf(execution)).last().isInstanceOf(ExecutionFailed.class);
        assertThat(engine.eventsOf(next)).last().isEqualTo(new ExecutionCompleted());
        assertThat(engine.largestRecords()).allSatisfy((topic, size) ->
                assertThat(size).as(topic).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_BYTES));
    }

    /** The domain, except that a success report with an output above its limit is recorded as it came. */
    static Decided trustingEveryOutput(ExecutionState state, EngineInput input, Instant now) {
        if (input instanceof StepSucceededReport report
                && RecordLimits.encodedSize(report.output()) > RecordLimits.MAX_STEP_OUTPUT_BYTES) {
            StepSucceeded succeeded = new StepSucceeded(report.stepName(), report.attempt(), report.output());
            return Decided.of(state, new Outcome.Recorded(List.of(new NumberedEvent(state.version() + 1, succeeded)),
                    state.evolve(succeeded), List.of(), Set.of(), Set.of(), false, false), now);
        }
        return Deciding.byTheDomain(state, input, now);
    }

    @Test
    void a_record_too_large_for_kafka_becomes_an_incident_instead_of_a_producer_failure() {
        try (DrivenEngine trusting = DrivenEngine.with(stateDir.resolve("trusting"), OPTIONS, new EngineCounters(),
                BoundedRecordsTest::trustingEveryOutput)) {
            UUID execution = UUID.randomUUID();
            trusting.start(execution, workflow(60, step("a", null)), Map.of());
            trusting.readTasks();
            trusting.report(new StepSucceededReport(execution, "a", 1, Map.of("blob", "x".repeat(999_900))));
            UUID next = UUID.randomUUID();
            trusting.start(next, chain(2), Map.of());
            trusting.succeedEveryTask();

            assertThat(trusting.eventsOf(execution)).hasSize(4).element(2).isInstanceOfSatisfying(IncidentRecorded.class,
                    incident -> {
                        assertThat(incident.input()).isEqualTo("StepSucceededReport");
                        assertThat(incident.stepName()).isEqualTo("a");
                        assertThat(incident.error()).matches("Expected every record to fit in 1000000 bytes, but the "
                                + "StepSucceeded event of step 'a' is \\d+ bytes");
                    });
            assertThat(trusting.eventsOf(execution).get(3)).isInstanceOf(ExecutionFailed.class);
            assertThat(trusting.eventsOf(next)).last().isEqualTo(new ExecutionCompleted());
            assertThat(trusting.largestRecords()).allSatisfy((topic, size) ->
                    assertThat(size).as(topic).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_BYTES));
        }
    }
}
