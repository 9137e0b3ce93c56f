package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.Drafts.step;
import static dev.ordo.domain.validation.Drafts.workflow;
import static dev.ordo.domain.validation.Drafts.workflowWithVariables;
import static dev.ordo.domain.validation.IssueType.DUPLICATE_STEP_NAMES;
import static dev.ordo.domain.validation.IssueType.DUPLICATE_VARIABLE_NAMES;
import static dev.ordo.domain.validation.IssueType.INVALID_STEP;
import static dev.ordo.domain.validation.IssueType.MISSING_STEPS;
import static dev.ordo.domain.validation.IssueType.NON_SEQUENTIAL_ORDER;
import static dev.ordo.domain.validation.Verdict.whenValidated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StructureRulesTest {

    @Test
    void the_seed_three_step_sequence_is_valid_without_warnings() {
        whenValidated(workflow(step("prepare"), step("process").order(2).after("prepare"),
                step("finalize").order(3).after("process")))
                .thenValid()
                .thenWarningTypes();
    }

    @Test
    void a_workflow_without_steps_is_missing_steps_and_nothing_else() {
        whenValidated(workflow()).thenErrorTypes(MISSING_STEPS).thenWarningTypes();
        whenValidated(new WorkflowDraft(null, null, null)).thenErrorTypes(MISSING_STEPS);
        whenValidated(null).thenErrorTypes(MISSING_STEPS);
    }

    @Test
    void a_null_step_and_a_nameless_step_are_invalid_steps_named_by_position() {
        WorkflowDraft draft = new WorkflowDraft(60, Arrays.asList(step("a").draft(), null,
                new StepDraft(null, " ", null, 1, null, null, null, null, null)), null);

        ValidationReport report = whenValidated(draft).thenErrorTypes(INVALID_STEP, INVALID_STEP).report();

        assertThat(report.errors()).extracting(ValidationIssue::message).containsExactly(
                "Step at position 2 is null, but a step object was expected", "Step at position 3 has no name");
    }

    @Test
    void numbers_below_their_minimum_are_invalid_steps() {
        whenValidated(workflow(step("a").order(0).timeout(0).retries(-1)))
                .thenErrorTypes(INVALID_STEP, INVALID_STEP, INVALID_STEP);
        whenValidated(workflow(step("a").retries(0))).thenValid();
    }

    @Test
    void two_steps_of_one_name_are_one_duplicate_error_that_lists_their_positions() {
        whenValidated(workflow(step("fetch"), step("store").order(2).after("fetch"), step("fetch")))
                .thenErrorTypes(DUPLICATE_STEP_NAMES)
                .thenFinding(DUPLICATE_STEP_NAMES, "fetch",
                        "Step name 'fetch' is used by 2 steps (positions 1, 3), but step names must be unique");
    }

    @Test
    void a_variable_declared_twice_is_a_duplicate_variable() {
        whenValidated(workflowWithVariables(Arrays.asList("input", null, "input"), step("a")))
                .thenErrorTypes(DUPLICATE_VARIABLE_NAMES);
    }

    @Test
    void a_gap_in_step_orders_is_reported_once_and_blames_the_first_step_after_it() {
        whenValidated(workflow(step("a"), step("b").order(2).after("a"), step("d").order(4).after("b"),
                step("c").order(4).after("b")))
                .thenErrorTypes(NON_SEQUENTIAL_ORDER)
                .thenFinding(NON_SEQUENTIAL_ORDER, "c",
                        "step_order values must run 1, 2, 3, ... without gaps, but 3 is missing");
    }

    @Test
    void orders_that_do_not_start_at_one_are_non_sequential_and_long_gaps_are_summarised() {
        whenValidated(workflow(step("a").order(3), step("b").order(4).after("a")))
                .thenFinding(NON_SEQUENTIAL_ORDER, "a", "step_order values must run 1, 2, 3, ... without gaps,"
                        + " but 1, 2 are missing");
        ValidationReport report = whenValidated(workflow(step("a"), step("b").order(40).after("a"))).report();
        assertThat(report.errors().get(0).message())
                .endsWith("but 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, ... (38 in all) are missing");
        assertThat(report.errors().get(0).details()).containsEntry("missing_count", 38L);
    }

    @Test
    void equal_orders_are_parallel_branches_not_a_gap() {
        whenValidated(workflow(step("start"), step("left").order(2).after("start"),
                step("right").order(2).after("start"), step("join").order(3).after("left", "right")))
                .thenValid()
                .thenWarningTypes();
    }
}
