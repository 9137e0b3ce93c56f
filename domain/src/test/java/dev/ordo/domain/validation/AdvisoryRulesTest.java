package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.Drafts.step;
import static dev.ordo.domain.validation.Drafts.workflow;
import static dev.ordo.domain.validation.IssueType.DISCONNECTED_STEP;
import static dev.ordo.domain.validation.IssueType.DUPLICATE_DEPENDENCY;
import static dev.ordo.domain.validation.IssueType.ORDER_CONFLICT;
import static dev.ordo.domain.validation.IssueType.SETTING_IGNORED;
import static dev.ordo.domain.validation.IssueType.STEP_TIMEOUT_EXCEEDS_WORKFLOW;
import static dev.ordo.domain.validation.IssueType.UNKNOWN_PROCESSING_TYPE;
import static dev.ordo.domain.validation.Verdict.whenValidated;

import org.junit.jupiter.api.Test;

class AdvisoryRulesTest {

    @Test
    void a_step_that_neither_waits_nor_feeds_is_disconnected_but_the_workflow_stays_valid() {
        whenValidated(workflow(step("a"), step("b").order(2).after("a"), step("loner")))
                .thenValid()
                .thenWarningTypes(DISCONNECTED_STEP)
                .thenFinding(DISCONNECTED_STEP, "loner", "Step 'loner' neither depends on nor feeds any other step,"
                        + " so it runs on its own beside the rest");
    }

    @Test
    void a_single_step_workflow_is_not_disconnected() {
        whenValidated(workflow(step("only"))).thenValid().thenWarningTypes();
    }

    @Test
    void a_dependency_listed_twice_is_a_warning() {
        whenValidated(workflow(step("a"), step("b").order(2).after("a", "a")))
                .thenValid()
                .thenFinding(DUPLICATE_DEPENDENCY, "b", "Step 'b' lists dependency 'a' 2 times");
    }

    @Test
    void a_step_ordered_before_what_it_waits_for_is_an_order_conflict() {
        whenValidated(workflow(step("late").order(2), step("early").order(1).after("late")))
                .thenValid()
                .thenFinding(ORDER_CONFLICT, "early", "Step 'early' has step_order 1 but depends on 'late' with"
                        + " step_order 2; dependencies, not order, decide when it runs");
    }

    @Test
    void retries_and_timeouts_on_structural_markers_are_ignored_settings() {
        whenValidated(workflow(step("a"), step("fan").type("parallel").order(2).after("a").retries(2).timeout(30)))
                .thenValid()
                .thenWarningTypes(SETTING_IGNORED, SETTING_IGNORED);
    }

    @Test
    void a_processing_type_without_a_built_in_handler_is_a_warning() {
        whenValidated(workflow(step("a").config("processing_type", "ocr")))
                .thenValid()
                .thenFinding(UNKNOWN_PROCESSING_TYPE, "a", "Step 'a' uses processing_type 'ocr', which has no"
                        + " built-in handler; it runs only where a worker provides one");
    }

    @Test
    void a_step_timeout_beyond_the_workflow_timeout_is_a_warning() {
        whenValidated(workflow(step("slow").timeout(7200)))
                .thenValid()
                .thenFinding(STEP_TIMEOUT_EXCEEDS_WORKFLOW, "slow",
                        "Step 'slow' may run for 7200 s per attempt, longer than the workflow's 3600 s limit");
    }
}
