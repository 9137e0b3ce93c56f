package dev.ordo.domain.execution;

import static dev.ordo.domain.execution.Scenario.WORKFLOW;
import static dev.ordo.domain.execution.Scenario.WORKSPACE;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.start;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.withCondition;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A defect met while deciding (here a list index too large for an int, which throws inside the
 * reference resolver) is recorded for that one execution instead of escaping to the engine.
 */
class IncidentsTest {

    /** Reading element 99999999999 of a list throws NumberFormatException in the resolver today. */
    static final String THROWING_CONDITION = "${steps.check.output.items.99999999999} == 1";
    static final String THROWN = "NumberFormatException: For input string: \"99999999999\"";

    static final WorkflowSnapshot GUARDED = workflow(task("check"), withCondition(task("ship", "check"), THROWING_CONDITION));

    @Test
    void a_condition_that_throws_records_an_incident_and_fails_the_running_execution() {
        Scenario scenario = given(started(GUARDED, Map.of()), scheduled("check", 1, Map.of()))
                .when(successReported("check", 1, Map.of("items", List.of(1, 2))));
        scenario.then(new IncidentRecorded("StepSucceededReport", "check", THROWN),
                new ExecutionFailed("check", "Engine incident while handling StepSucceededReport: " + THROWN));
        ExecutionState after = scenario.stateAfter();
        assertThat(after.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(after.step("check").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(after.step("ship").status()).isEqualTo(StepStatus.CANCELLED);
    }

    @Test
    void a_start_whose_entry_condition_throws_is_rejected_so_the_execution_reads_failed() {
        WorkflowSnapshot flow = workflow(withCondition(task("ship"), "${items.99999999999} == 1"));
        Scenario scenario = given().when(start(flow, Map.of("items", List.of(1))));
        scenario.then(new ExecutionRejected(WORKFLOW, 1, WORKSPACE, null,
                "Engine incident while handling StartExecution: " + THROWN));
        assertThat(scenario.stateAfter().status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void a_start_without_a_definition_is_rejected_with_what_went_wrong() {
        StartExecution broken = new StartExecution(Scenario.EXECUTION, WORKFLOW, 3, WORKSPACE, null, null, Map.of(),
                Scenario.NOW);
        List<ExecutionEvent> recorded = given().when(broken).recorded();
        assertThat(recorded).hasSize(1).first().isInstanceOfSatisfying(ExecutionRejected.class, rejected -> {
            assertThat(rejected.workflowId()).isEqualTo(WORKFLOW);
            assertThat(rejected.workflowVersion()).isEqualTo(3);
            assertThat(rejected.reason()).startsWith("Engine incident while handling StartExecution: NullPointerException");
        });
    }

    /** Rules that fail on every input, standing in for any defect the real ones might have. */
    static final Decider FAILING = new Decider((state, input, now) -> {
        throw new IllegalStateException("rule defect");
    });
    static final WorkflowSnapshot ONE_STEP = workflow(task("work"));

    @Nested
    class WhateverThrows {

        @Test
        void a_running_execution_records_the_incident_and_fails_with_it() {
            Scenario scenario = given(started(ONE_STEP, Map.of()), scheduled("work", 1, Map.of()))
                    .decidedBy(FAILING)
                    .when(successReported("work", 1, Map.of()));
            scenario.then(new IncidentRecorded("StepSucceededReport", "work", "IllegalStateException: rule defect"),
                    new ExecutionFailed("work",
                            "Engine incident while handling StepSucceededReport: IllegalStateException: rule defect"));
            assertThat(scenario.outcome()).isInstanceOfSatisfying(Outcome.Recorded.class, recorded -> {
                assertThat(recorded.finishedNow()).isTrue();
                assertThat(recorded.timersAdded()).isEmpty();
                assertThat(recorded.timersRemoved()).isNotEmpty();
            });
        }

        @Test
        void a_finished_execution_records_the_incident_alone() {
            given(started(ONE_STEP, Map.of()), new ExecutionEvent.ExecutionCompleted())
                    .decidedBy(FAILING)
                    .when(Scenario.cancel())
                    .then(new IncidentRecorded("CancelExecution", null, "IllegalStateException: rule defect"));
        }

        @Test
        void an_unknown_execution_has_no_log_for_anything_but_a_start() {
            given().decidedBy(FAILING).when(successReported("work", 1, Map.of()))
                    .thenIgnored("to record StepSucceededReport (incident IllegalStateException: rule defect) in");
        }

        @Test
        void a_start_of_an_unknown_execution_is_rejected() {
            given().decidedBy(FAILING).when(start(ONE_STEP, Map.of()))
                    .then(new ExecutionRejected(WORKFLOW, 1, WORKSPACE, null,
                            "Engine incident while handling StartExecution: IllegalStateException: rule defect"));
        }

        @Test
        void a_timer_names_its_step_in_the_incident() {
            given(started(ONE_STEP, Map.of()), scheduled("work", 1, Map.of(), Scenario.NOW.plusSeconds(5)))
                    .decidedBy(FAILING)
                    .when(Scenario.deadlineReached("work", 1, Scenario.NOW.plusSeconds(5)))
                    .then(new IncidentRecorded("StepDeadlineReached", "work", "IllegalStateException: rule defect"),
                            new ExecutionFailed("work", "Engine incident while handling StepDeadlineReached:"
                                    + " IllegalStateException: rule defect"));
        }

        @Test
        void a_very_long_message_is_cut_so_the_event_stays_small() {
            Decider verbose = new Decider((state, input, now) -> {
                throw new IllegalArgumentException("y".repeat(100_000));
            });
            List<ExecutionEvent> recorded = given(started(ONE_STEP, Map.of())).decidedBy(verbose)
                    .when(successReported("work", 1, Map.of())).recorded();
            assertThat(((IncidentRecorded) recorded.get(0)).error()).hasSize(Incidents.MAX_ERROR_CHARS).endsWith("…");
        }
    }

    @Nested
    class UnreadableInputs {

        static final String INPUT = "record of workflow.step-reports partition 0 offset 7 (52 bytes)";
        static final String WHAT = INPUT + " could not be decoded: Unexpected character '}'";

        @Test
        void for_an_unknown_execution_it_is_a_rejected_start_so_the_execution_reads_failed() {
            Scenario scenario = given().whenUnreadable(INPUT, "Unexpected character '}'");
            scenario.then(new ExecutionRejected(null, 0, null, null, "Expected a readable command or report, but " + WHAT));
            assertThat(scenario.stateAfter().status()).isEqualTo(ExecutionStatus.FAILED);
        }

        @Test
        void for_a_running_execution_it_is_an_incident_that_fails_it() {
            given(started(ONE_STEP, Map.of()), scheduled("work", 1, Map.of()))
                    .whenUnreadable(INPUT, "Unexpected character '}'")
                    .then(new IncidentRecorded("undecodable", null, WHAT),
                            new ExecutionFailed(null, "Engine incident while handling an undecodable input: " + WHAT));
        }

        @Test
        void for_a_finished_execution_it_is_an_incident_alone() {
            Scenario.givenStored(ExecutionState.finished(Scenario.EXECUTION, ExecutionStatus.COMPLETED, 4))
                    .whenUnreadable(INPUT, "Unexpected character '}'")
                    .then(new IncidentRecorded("undecodable", null, WHAT));
        }
    }
}
