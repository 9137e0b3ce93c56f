package dev.ordo.engine;

import static dev.ordo.engine.DrivenEngine.step;
import static dev.ordo.engine.DrivenEngine.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.TimerFired;
import java.time.Instant;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.wire.EventEnvelope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One input the engine cannot read or handle ends that one execution, visibly, and the partition
 * moves on: the test driver has a single partition, so every execution here shares it.
 */
class FailureBoundaryTest {

    static final EngineOptions OPTIONS = new EngineOptions(Duration.ofMillis(100), Duration.ofMinutes(10), 0);

    @TempDir
    Path stateDir;
    DrivenEngine engine;

    final EngineCounters counters = new EngineCounters();

    /** The domain, except that deciding on a report for step 'check', or a start with inputs {"boom": true}, throws. */
    static Decided throwingOnCheck(dev.ordo.domain.execution.ExecutionState state, EngineInput input, Instant now) {
        if (input instanceof StepReport report && report.stepName().equals("check")
                || input instanceof StartExecution start && start.inputs().containsKey("boom")) {
            throw new IllegalStateException("condition '${x} > 1' could not be evaluated");
        }
        return Deciding.byTheDomain(state, input, now);
    }

    @BeforeEach
    void startEngine() {
        engine = DrivenEngine.with(stateDir, OPTIONS, counters, FailureBoundaryTest::throwingOnCheck);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void an_unreadable_start_is_recorded_as_a_rejected_execution_with_the_ids_it_could_read() {
        UUID execution = UUID.randomUUID();
        UUID workflow = UUID.randomUUID();
        UUID workspace = UUID.randomUUID();
        engine.command(execution.toString(), """
                {"type":"StartExecution","execution_id":"%s","workflow_id":"%s","workflow_version":3,
                 "workspace_id":"%s","definition":{"steps":[{"name":"a","depends_on":[null]}]}}
                """.formatted(execution, workflow, workspace));

        assertThat(engine.history(execution)).singleElement().satisfies(envelope -> {
            assertThat(envelope.sequence()).isEqualTo(1);
            assertThat(envelope.event()).isInstanceOfSatisfying(ExecutionRejected.class, rejected -> {
                assertThat(rejected.workflowId()).isEqualTo(workflow);
                assertThat(rejected.workflowVersion()).isEqualTo(3);
                assertThat(rejected.workspaceId()).isEqualTo(workspace);
                assertThat(rejected.projectId()).isNull();
                assertThat(rejected.reason()).startsWith("Expected a readable StartExecution, but");
            });
        });
    }

    @Test
    void a_poison_command_and_a_poison_report_end_their_executions_and_the_next_execution_completes() {
        UUID poisoned = UUID.randomUUID();
        engine.command(poisoned.toString(), "this is not JSON");
        UUID running = UUID.randomUUID();
        engine.start(running, workflow(60, step("a", null)), Map.of());
        engine.readTasks();
        engine.report(running.toString(), """
                {"type":"StepSucceededReport","execution_id":"%s","step_name":"a","attempt":"first"}
                """.formatted(running));
        UUID next = UUID.randomUUID();
        engine.start(next, workflow(60, step("a", null), step("b", null, "a")), Map.of("x", 1));
        engine.succeedEveryTask();

        assertThat(engine.eventsOf(poisoned)).singleElement().isInstanceOfSatisfying(ExecutionRejected.class,
                rejected -> assertThat(rejected.workflowId()).isNull());
        assertThat(engine.eventsOf(running)).hasSize(4).element(2).isInstanceOfSatisfying(IncidentRecorded.class,
                incident -> {
                    assertThat(incident.input()).isEqualTo("undecodable");
                    assertThat(incident.stepName()).isEqualTo("a");
                    assertThat(incident.error()).startsWith("Expected a readable StepSucceededReport, but");
                });
        assertThat(engine.eventsOf(running).get(3)).isInstanceOfSatisfying(ExecutionFailed.class,
                failed -> assertThat(failed.error()).contains("could not handle an undecodable input"));
        assertThat(engine.eventsOf(next)).last().isEqualTo(new ExecutionCompleted());
        assertThat(engine.history(running)).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(counters.unreadableInputs()).isEqualTo(2);
        assertThat(counters.rejections()).isEqualTo(1);
        assertThat(counters.incidents()).isZero();
    }

    @Test
    void an_exception_while_deciding_on_a_report_fails_that_execution_with_an_incident_and_the_next_one_completes() {
        UUID failing = UUID.randomUUID();
        engine.start(failing, workflow(60, step("check", 30), step("after", null, "check")), Map.of());
        engine.readTasks();
        engine.report(new StepSucceededReport(failing, "check", 1, Map.of("x", 2)));
        UUID next = UUID.randomUUID();
        engine.start(next, workflow(60, step("a", null)), Map.of());
        engine.succeedEveryTask();

        assertThat(engine.eventsOf(failing)).hasSize(4).endsWith(
                new IncidentRecorded("StepSucceededReport", "check",
                        "IllegalStateException: condition '${x} > 1' could not be evaluated"),
                new ExecutionFailed("check", "The engine could not handle StepSucceededReport for step 'check': "
                        + "IllegalStateException: condition '${x} > 1' could not be evaluated"));
        assertThat(engine.stateOf(failing).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(engine.keysAbout(failing)).doesNotContainKey(EngineTopology.TIMERS_STORE);
        assertThat(engine.eventsOf(next)).last().isEqualTo(new ExecutionCompleted());
        assertThat(counters.incidents()).isEqualTo(1);
    }

    @Test
    void an_exception_while_deciding_on_a_start_rejects_the_execution_with_the_ids_of_its_start() {
        UUID failing = UUID.randomUUID();
        StartExecution start = engine.start(failing, workflow(60, step("a", null)), Map.of("boom", true));

        assertThat(engine.eventsOf(failing)).containsExactly(new ExecutionRejected(start.workflowId(), 1,
                start.workspaceId(), null, "IllegalStateException: condition '${x} > 1' could not be evaluated"));
        assertThat(engine.keysAbout(failing)).containsOnlyKeys(EngineTopology.TOMBSTONES_STORE);
        assertThat(engine.readTasks()).isEmpty();
    }

    @Test
    void an_exception_while_deciding_on_a_timer_fails_that_execution_with_an_incident() {
        Deciding throwingOnTimers = (state, input, now) -> {
            if (input instanceof TimerFired) {
                throw new ArithmeticException("long overflow");
            }
            return Deciding.byTheDomain(state, input, now);
        };
        try (DrivenEngine timed = DrivenEngine.with(stateDir.resolve("timed"), OPTIONS, counters, throwingOnTimers)) {
            UUID execution = UUID.randomUUID();
            timed.start(execution, workflow(1, step("a", null)), Map.of());
            timed.advance(Duration.ofMillis(1100));

            assertThat(timed.eventsOf(execution)).last().isEqualTo(new ExecutionFailed(null,
                    "The engine could not handle ExecutionDeadlineReached: ArithmeticException: long overflow"));
        }
    }

    @Test
    void a_start_the_decider_refuses_ends_as_a_rejected_execution_with_its_reason() {
        UUID refused = UUID.randomUUID();
        StartExecution start = engine.start(refused, workflow(60, step("a", null, "missing")), Map.of());

        assertThat(engine.eventsOf(refused)).containsExactly(new ExecutionRejected(start.workflowId(), 1,
                start.workspaceId(), null,
                "Expected step 'a' to depend on a step of the workflow, but 'missing' is not one"));
        assertThat(counters.rejections()).isEqualTo(1);
    }

    @Test
    void a_record_whose_key_is_not_an_execution_id_is_skipped() {
        UUID execution = UUID.randomUUID();
        engine.command("not-an-execution-id", "{\"type\":\"CancelExecution\",\"execution_id\":\"" + execution + "\"}");
        engine.report("", "{}");
        engine.start(execution, workflow(60, step("a", null)), Map.of());
        engine.succeedEveryTask();

        assertThat(engine.eventsOf(execution)).extracting(ExecutionEvent::getClass).last()
                .isEqualTo(ExecutionCompleted.class);
        assertThat(counters.unreadableInputs()).isEqualTo(2);
    }

    @Test
    void a_record_whose_body_is_about_another_execution_than_its_key_is_skipped() {
        UUID execution = UUID.randomUUID();
        engine.start(execution, workflow(60, step("a", null)), Map.of());
        engine.readTasks();
        engine.report(UUID.randomUUID().toString(), """
                {"type":"StepSucceededReport","execution_id":"%s","step_name":"a","attempt":1}
                """.formatted(execution));

        assertThat(engine.eventsOf(execution)).hasSize(2);
        assertThat(counters.unreadableInputs()).isEqualTo(1);
    }

    @Test
    void an_unreadable_report_for_an_unknown_execution_is_ignored() {
        engine.report(UUID.randomUUID().toString(), "{\"type\":\"StepFailedReport\"}");

        assertThat(engine.largestRecords()).isEmpty();
        assertThat(counters.unreadableInputs()).isEqualTo(1);
        assertThat(counters.ignoredInputs()).isEqualTo(1);
    }
}
