package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.Drafts.step;
import static dev.ordo.domain.validation.Drafts.workflow;
import static dev.ordo.domain.validation.Drafts.workflowWithVariables;
import static dev.ordo.domain.validation.IssueType.INVALID_CONDITION;
import static dev.ordo.domain.validation.IssueType.INVALID_CONFIG;
import static dev.ordo.domain.validation.IssueType.MISSING_DEPENDENCY;
import static dev.ordo.domain.validation.IssueType.OUTPUT_NOT_UPSTREAM;
import static dev.ordo.domain.validation.IssueType.UNKNOWN_VARIABLE;
import static dev.ordo.domain.validation.Verdict.whenValidated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceRulesTest {

    @Test
    void a_condition_that_does_not_parse_is_an_invalid_condition() {
        ValidationReport report = whenValidated(workflowWithVariables(List.of("amount"),
                step("gate").type("condition").condition("${amount} >")))
                .thenErrorTypes(INVALID_CONDITION).report();

        assertThat(report.errors().get(0).stepName()).isEqualTo("gate");
        assertThat(report.errors().get(0).message()).startsWith("Step 'gate': condition_expression '${amount} >'"
                + " does not parse: ");
    }

    @Test
    void comparisons_truth_words_and_declared_references_are_valid_conditions() {
        whenValidated(workflowWithVariables(List.of("amount", "approved"),
                step("a").condition("${amount} >= 1000 and ${approved}"), step("b").order(2).after("a").condition("yes"),
                step("c").order(3).after("b").condition("${steps.a.output.total} > 3")))
                .thenValid()
                .thenWarningTypes();
    }

    @Test
    void a_reference_to_an_undeclared_variable_in_a_condition_or_in_inputs_is_unknown() {
        whenValidated(workflowWithVariables(List.of("known"), step("a").condition("${ghost} == 1")))
                .thenFinding(UNKNOWN_VARIABLE, "a", "Step 'a' refers to variable 'ghost' in condition_expression,"
                        + " but the workflow declares no such variable");
        whenValidated(workflow(step("a").config("inputs", Map.of("order", Map.of("id", "${order_id}")))))
                .thenFinding(UNKNOWN_VARIABLE, "a", "Step 'a' refers to variable 'order_id' in config.inputs.order.id,"
                        + " but the workflow declares no such variable");
        whenValidated(workflowWithVariables(List.of("order_id"), step("a").config("inputs",
                Map.of("id", "${order_id}", "fixed", 7)))).thenValid();
    }

    @Test
    void a_malformed_reference_in_inputs_is_invalid_config() {
        whenValidated(workflow(step("a").config("inputs", Map.of("x", "${unclosed"))))
                .thenErrorTypes(INVALID_CONFIG);
    }

    @Test
    void reading_the_output_of_a_step_that_does_not_exist_is_a_missing_dependency() {
        whenValidated(workflow(step("a").config("inputs", Map.of("x", "${steps.nowhere.output.v}"))))
                .thenFinding(MISSING_DEPENDENCY, "a", "Step 'a' reads the output of 'nowhere' in config.inputs.x,"
                        + " but the workflow has no step of that name");
    }

    @Test
    void reading_the_output_of_a_step_not_waited_for_is_a_warning_and_transitive_waiting_counts() {
        whenValidated(workflow(step("a"), step("b").order(2).after("a"), step("c").order(3).after("b")
                .config("inputs", Map.of("x", "${steps.a.output}"))))
                .thenValid()
                .thenWarningTypes();
        whenValidated(workflow(step("a"), step("b").after("a").order(2),
                step("side").order(2).after("a").config("inputs", Map.of("x", "${steps.b.output}"))))
                .thenValid()
                .thenFinding(OUTPUT_NOT_UPSTREAM, "side", "Step 'side' reads the output of 'b' in config.inputs.x, but"
                        + " does not wait for that step, so its output may not exist yet");
    }

    @Test
    void a_gate_expression_kept_in_config_is_judged_like_a_condition_expression() {
        ValidationReport report = WorkflowValidator.validate(workflow(
                step("gate").type("condition").config("condition", "${amount} >")));
        assertThat(report.errors()).extracting(ValidationIssue::errorType).containsExactly(INVALID_CONDITION);
        assertThat(report.errors().get(0).message()).startsWith("Step 'gate': config.condition '${amount} >'"
                + " does not parse: ");
    }
}
