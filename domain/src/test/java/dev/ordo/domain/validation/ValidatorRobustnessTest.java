package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.Drafts.step;
import static dev.ordo.domain.validation.Drafts.workflow;
import static dev.ordo.domain.validation.IssueType.CIRCULAR_DEPENDENCY;
import static dev.ordo.domain.validation.IssueType.MISSING_DEPENDENCY;
import static dev.ordo.domain.validation.IssueType.SELF_DEPENDENCY;
import static dev.ordo.domain.validation.Verdict.whenValidated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sizes, depths and shapes of input that must neither crash the validator nor slow it down. */
class ValidatorRobustnessTest {

    @Test
    void a_chain_five_thousand_deep_is_valid_and_quick() {
        WorkflowDraft draft = new WorkflowDraft(3600, Drafts.chain(5_000), List.of());

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> whenValidated(draft).thenValid().thenWarningTypes());
    }

    @Test
    void a_circle_of_ten_thousand_steps_is_one_circular_dependency_naming_all_of_them() {
        List<StepDraft> steps = new ArrayList<>(Drafts.chain(10_000));
        StepDraft first = steps.get(0);
        steps.set(0, new StepDraft(null, first.name(), "task", 1, List.of("s9999"), null, null, null, Map.of()));
        WorkflowDraft draft = new WorkflowDraft(3600, steps, List.of());

        ValidationReport report = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> whenValidated(draft).thenErrorTypes(CIRCULAR_DEPENDENCY).report());

        assertThat((List<?>) report.errors().get(0).details().get("cycle")).hasSize(10_001);
    }

    @Test
    void ten_thousand_steps_in_a_wide_random_graph_are_judged_within_seconds() {
        WorkflowDraft draft = new WorkflowDraft(3600, RandomDrafts.acyclic(new java.util.Random(11), 10_000, 4),
                List.of());

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> whenValidated(draft).thenValid());
    }

    @Test
    void unicode_names_are_ordinary_names() {
        whenValidated(workflow(step("préparer 📦"), step("処理").order(2).after("préparer 📦"),
                step("finalizar ✓").order(3).after("処理")))
                .thenValid()
                .thenWarningTypes();
        whenValidated(workflow(step("α").after("ω"), step("ω").after("α")))
                .thenFinding(CIRCULAR_DEPENDENCY, "α", "Steps depend on each other in a circle: 'α' -> 'ω' -> 'α'"
                        + " (each waits for the next), so none of them can start");
    }

    @Test
    void nulls_in_every_field_are_reported_not_thrown() {
        StepDraft empty = new StepDraft(null, null, null, null, null, null, null, null, null);
        StepDraft named = new StepDraft(null, "x", null, null, Arrays.asList(null, "x", null), null, null, null, null);
        Map<String, Object> config = new java.util.HashMap<>();
        config.put("processing_type", null);
        config.put("inputs", null);
        StepDraft nullConfig = new StepDraft(null, "y", "task", null, null, null, null, null, config);

        ValidationReport report = whenValidated(new WorkflowDraft(null, Arrays.asList(empty, null, named, nullConfig),
                Arrays.asList(null, null))).report();

        assertThat(report.errors()).extracting(ValidationIssue::errorType).contains(IssueType.INVALID_STEP,
                MISSING_DEPENDENCY, SELF_DEPENDENCY, IssueType.INVALID_CONFIG);
    }

    @Test
    void generated_graphs_are_valid_exactly_when_every_dependency_resolves_and_nothing_circles() {
        java.util.Random random = new java.util.Random(20_250_101);
        for (int round = 0; round < 2_000; round++) {
            List<StepDraft> steps = RandomDrafts.anyGraph(random, 1 + random.nextInt(12));
            ValidationReport report = WorkflowValidator.validate(new WorkflowDraft(3600, steps, List.of()));
            boolean wellFormed = RandomDrafts.resolvesAndIsAcyclic(steps);
            assertThat(report.errors().stream().noneMatch(issue -> issue.errorType() == MISSING_DEPENDENCY
                    || issue.errorType() == SELF_DEPENDENCY || issue.errorType() == CIRCULAR_DEPENDENCY))
                    .as("graph errors for %s", steps).isEqualTo(wellFormed);
            if (report.isValid()) {
                assertThat(wellFormed).as("accepted %s", steps).isTrue();
            }
        }
    }

    @Test
    void random_text_in_conditions_and_inputs_is_judged_without_throwing() {
        java.util.Random random = new java.util.Random(99);
        String alphabet = "${}.steps output ab0123<>=!&|()'\"+-*/ and or not true";
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            WorkflowDraft draft = workflow(step("a").condition(text.toString()),
                    step("b").order(2).after("a").config("inputs", Map.of("x", text.toString())));

            ValidationReport report = WorkflowValidator.validate(draft);

            assertThat(report.errors()).allSatisfy(issue -> assertThat(issue.message()).isNotBlank());
        }
    }
}
