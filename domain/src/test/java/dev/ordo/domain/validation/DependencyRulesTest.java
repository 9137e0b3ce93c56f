package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.Drafts.step;
import static dev.ordo.domain.validation.Drafts.workflow;
import static dev.ordo.domain.validation.IssueType.CIRCULAR_DEPENDENCY;
import static dev.ordo.domain.validation.IssueType.MISSING_DEPENDENCY;
import static dev.ordo.domain.validation.IssueType.SELF_DEPENDENCY;
import static dev.ordo.domain.validation.Verdict.whenValidated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DependencyRulesTest {

    @Test
    void a_dependency_on_an_unknown_name_is_missing_and_blames_the_dependent_step() {
        whenValidated(workflow(step("a"), step("b").order(2).after("a", "zz")))
                .thenErrorTypes(MISSING_DEPENDENCY)
                .thenFinding(MISSING_DEPENDENCY, "b", "Step 'b' depends on 'zz', but the workflow has no step of that name");
    }

    @Test
    void a_null_dependency_name_is_missing_too() {
        whenValidated(workflow(step("a"), step("b").order(2).after("a", null)))
                .thenFinding(MISSING_DEPENDENCY, "b", "Step 'b' lists a dependency without a name");
    }

    @Test
    void a_step_that_waits_for_itself_is_a_self_dependency_not_a_circle() {
        whenValidated(workflow(step("loop").after("loop")))
                .thenErrorTypes(SELF_DEPENDENCY)
                .thenFinding(SELF_DEPENDENCY, "loop", "Step 'loop' depends on itself, so it can never start");
    }

    @Test
    void a_circle_is_named_from_its_alphabetically_first_step_following_dependencies() {
        whenValidated(workflow(step("start"), step("b").order(2).after("start", "c"), step("c").order(2).after("a"),
                step("a").order(2).after("b")))
                .thenErrorTypes(CIRCULAR_DEPENDENCY)
                .thenFinding(CIRCULAR_DEPENDENCY, "a", "Steps depend on each other in a circle: 'a' -> 'b' -> 'c' -> 'a'"
                        + " (each waits for the next), so none of them can start");
    }

    @Test
    void the_circle_message_is_the_same_whatever_order_the_steps_come_in() {
        List<Drafts.Step> steps = new ArrayList<>(List.of(step("x").after("y"), step("y").after("z"),
                step("z").after("x", "w"), step("w").after("y")));
        String first = message(steps);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(steps, random);
            assertThat(message(steps)).isEqualTo(first);
        }
        assertThat(first).contains("'w' -> 'y' -> 'z' -> 'w'");
    }

    @Test
    void two_separate_circles_are_two_errors() {
        whenValidated(workflow(step("a").after("b"), step("b").after("a"), step("c").after("d"), step("d").after("c")))
                .thenErrorTypes(CIRCULAR_DEPENDENCY, CIRCULAR_DEPENDENCY);
    }

    private static String message(List<Drafts.Step> steps) {
        ValidationReport report = whenValidated(workflow(steps.toArray(Drafts.Step[]::new)))
                .thenErrorTypes(CIRCULAR_DEPENDENCY).report();
        return report.errors().get(0).message();
    }
}
