package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.StepStatus;
import static dev.ordo.domain.execution.Scenario.conditionStep;
import static dev.ordo.domain.execution.Scenario.failed;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.start;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.succeeded;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.withCondition;
import static dev.ordo.domain.execution.Scenario.withConfig;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Conditions, skip propagation, fan-out and fan-in. */
class BranchingTest {

    static final Map<String, Object> VIP = Map.of("vip", true, "amount", 250);
    static final Map<String, Object> REGULAR = Map.of("vip", false, "amount", 20);

    @Nested
    class ConditionExpressions {

        static final WorkflowSnapshot GATED = workflow(withCondition(task("upgrade"), "${vip}"),
                task("notify", "upgrade"));

        @Test
        void a_true_condition_lets_the_step_run() {
            given().when(start(GATED, VIP)).then(started(GATED, VIP), scheduled("upgrade", 1, VIP));
        }

        @Test
        void a_false_condition_skips_the_step_and_its_branch_and_the_execution_completes() {
            given().when(start(GATED, REGULAR)).then(started(GATED, REGULAR),
                    new StepSkipped("upgrade", "condition '${vip}' is false"),
                    new StepSkipped("notify", "a step it depends on was skipped"),
                    new ExecutionCompleted());
        }

        @Test
        void a_condition_reads_earlier_step_outputs_when_the_step_becomes_ready() {
            WorkflowSnapshot flow = workflow(task("quote"),
                    withCondition(task("approve", "quote"), "${steps.quote.output.total} > 100 and ${vip}"));
            given(started(flow, VIP), scheduled("quote", 1, VIP))
                    .when(successReported("quote", 1, Map.of("total", 180)))
                    .then(succeeded("quote", 1, Map.of("total", 180)), scheduled("approve", 1, Map.of("total", 180)));
        }

        @Test
        void a_condition_that_fails_to_evaluate_fails_the_step_terminally_and_the_execution() {
            WorkflowSnapshot flow = workflow(withCondition(task("a"), "${amount} > 'many'"), task("b"));
            Scenario scenario = given().when(start(flow, VIP));
            java.util.List<ExecutionEvent> events = scenario.recorded();
            assertThat(events).hasSize(4);
            ExecutionEvent.StepFailed failure = (ExecutionEvent.StepFailed) events.get(1);
            assertThat(failure.stepName()).isEqualTo("a");
            assertThat(failure.attempt()).isZero();
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.error()).startsWith("Condition '${amount} > 'many'' could not be evaluated: "
                    + "No matching overload for function '_>_'");
            assertThat(events.get(3)).isEqualTo(new ExecutionFailed("a", "Step 'a' failed: " + failure.error()));
            assertThat(scenario.stateAfter().step("b").status()).isEqualTo(StepStatus.CANCELLED);
        }
    }

    @Nested
    class ConditionSteps {

        static final WorkflowSnapshot GATE = workflow(task("load"),
                conditionStep("big", "${steps.load.output.amount} >= 100", "load"), task("review", "big"));

        @Test
        void a_true_condition_step_completes_itself_passing_its_input_on() {
            given(started(GATE, VIP), scheduled("load", 1, VIP))
                    .when(successReported("load", 1, Map.of("amount", 250)))
                    .then(succeeded("load", 1, Map.of("amount", 250)), succeeded("big", 0, Map.of("amount", 250)),
                            scheduled("review", 1, Map.of("amount", 250)));
        }

        @Test
        void a_false_condition_step_is_skipped_with_its_branch() {
            given(started(GATE, REGULAR), scheduled("load", 1, REGULAR))
                    .when(successReported("load", 1, Map.of("amount", 20)))
                    .then(succeeded("load", 1, Map.of("amount", 20)),
                            new StepSkipped("big", "condition '${steps.load.output.amount} >= 100' is false"),
                            new StepSkipped("review", "a step it depends on was skipped"), new ExecutionCompleted());
        }

        @Test
        void a_literal_truth_word_is_a_condition() {
            WorkflowSnapshot flow = workflow(conditionStep("always", "yes"), conditionStep("never", "off"));
            given().when(start(flow, VIP)).then(started(flow, VIP), succeeded("always", 0, VIP),
                    new StepSkipped("never", "condition 'off' is false"), new ExecutionCompleted());
        }

        @Test
        void a_condition_step_without_an_expression_fails() {
            WorkflowSnapshot flow = workflow(conditionStep("empty", null));
            given().when(start(flow, VIP)).then(started(flow, VIP),
                    failed("empty", 0, "Expected condition step 'empty' to have a condition_expression, but it has none",
                            false),
                    new ExecutionFailed("empty", "Step 'empty' failed: Expected condition step 'empty' to have a "
                            + "condition_expression, but it has none"));
        }
    }

    @Nested
    class Diamonds {

        static final WorkflowSnapshot DIAMOND = workflow(task("split"),
                withCondition(task("left", "split"), "${steps.split.output.left}"), task("right", "split"),
                task("join", "left", "right"));

        @Test
        void both_branches_fan_out_from_the_split_and_fan_in_at_the_join() {
            Map<String, Object> both = Map.of("left", true);
            given(started(DIAMOND, VIP), scheduled("split", 1, VIP), succeeded("split", 1, both),
                    scheduled("left", 1, both), scheduled("right", 1, both), succeeded("left", 1, Map.of("l", 1)))
                    .when(successReported("right", 1, Map.of("r", 2)))
                    .then(succeeded("right", 1, Map.of("r", 2)), scheduled("join", 1, Map.of("l", 1, "r", 2)));
        }

        @Test
        void a_diamond_with_one_branch_skipped_skips_the_join() {
            Map<String, Object> rightOnly = Map.of("left", false);
            given(started(DIAMOND, VIP), scheduled("split", 1, VIP))
                    .when(successReported("split", 1, rightOnly))
                    .then(succeeded("split", 1, rightOnly),
                            new StepSkipped("left", "condition '${steps.split.output.left}' is false"),
                            scheduled("right", 1, rightOnly),
                            new StepSkipped("join", "a step it depends on was skipped"));
            given(started(DIAMOND, VIP), scheduled("split", 1, VIP), succeeded("split", 1, rightOnly),
                    new StepSkipped("left", "condition '${steps.split.output.left}' is false"),
                    scheduled("right", 1, rightOnly), new StepSkipped("join", "a step it depends on was skipped"))
                    .when(successReported("right", 1, Map.of("r", 2)))
                    .then(succeeded("right", 1, Map.of("r", 2)), new ExecutionCompleted());
        }

        @Test
        void a_join_that_runs_when_a_dependency_is_skipped_gets_the_other_branch() {
            WorkflowSnapshot tolerant = workflow(task("split"),
                    withCondition(task("left", "split"), "${steps.split.output.left}"), task("right", "split"),
                    withConfig(task("join", "left", "right"), "when_dependency_skipped", "run"));
            given(started(tolerant, VIP), scheduled("split", 1, VIP), succeeded("split", 1, Map.of("left", false)),
                    new StepSkipped("left", "condition '${steps.split.output.left}' is false"),
                    scheduled("right", 1, Map.of("left", false)))
                    .when(successReported("right", 1, Map.of("r", 2)))
                    .then(succeeded("right", 1, Map.of("r", 2)), scheduled("join", 1, Map.of("r", 2)));
        }
    }
}
