package dev.ordo.domain.execution;

import static dev.ordo.domain.execution.Scenario.PLAIN_BACKOFF;
import static dev.ordo.domain.execution.Scenario.WORKFLOW;
import static dev.ordo.domain.execution.Scenario.WORKSPACE;
import static dev.ordo.domain.execution.Scenario.delayElapsed;
import static dev.ordo.domain.execution.Scenario.failed;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.retryDue;
import static dev.ordo.domain.execution.Scenario.retryScheduled;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.seconds;
import static dev.ordo.domain.execution.Scenario.start;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.succeeded;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.time;
import static dev.ordo.domain.execution.Scenario.withConfig;
import static dev.ordo.domain.execution.Scenario.withRetries;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.wire.RecordLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Payloads stay within {@link RecordLimits}: a step whose input or task would be too large to hand
 * out, or whose reported output is too large to keep, fails terminally with a reason that says so.
 */
class PayloadLimitsTest {

    static final Map<String, Object> INPUT = Map.of();

    static Map<String, Object> payload(String field, int bytes) {
        return Map.of(field, "x".repeat(bytes));
    }

    @Test
    void an_output_above_the_limit_fails_the_step_terminally_and_the_execution() {
        WorkflowSnapshot flow = workflow(task("fetch"), task("store", "fetch"));
        Map<String, Object> output = payload("body", 600_000);
        int size = RecordLimits.encodedSize(output);
        String reason = "Expected step 'fetch' output to be at most 524288 bytes, but it is " + size + " bytes";
        Scenario scenario = given(started(flow, INPUT), scheduled("fetch", 1, INPUT))
                .when(successReported("fetch", 1, output));
        scenario.then(failed("fetch", 1, reason, false), new ExecutionFailed("fetch", "Step 'fetch' failed: " + reason));
        assertThat(scenario.stateAfter().step("fetch").output()).isNull();
    }

    @Test
    void an_output_at_the_limit_is_accepted() {
        WorkflowSnapshot flow = workflow(task("fetch"));
        Map<String, Object> output = payload("b", RecordLimits.MAX_STEP_OUTPUT_BYTES - "{\"b\":\"\"}".length());
        assertThat(RecordLimits.encodedSize(output)).isEqualTo(RecordLimits.MAX_STEP_OUTPUT_BYTES);
        given(started(flow, INPUT), scheduled("fetch", 1, INPUT))
                .when(successReported("fetch", 1, output))
                .then(succeeded("fetch", 1, output), new ExecutionCompleted());
    }

    @Test
    void a_join_whose_merged_input_is_above_the_limit_fails_before_it_is_handed_out() {
        WorkflowSnapshot flow = workflow(task("left"), task("right"), task("join", "left", "right"));
        Map<String, Object> left = payload("l", 300_000);
        Map<String, Object> right = payload("r", 300_000);
        Map<String, Object> merged = new LinkedHashMap<>(left);
        merged.putAll(right);
        String reason = "Expected step 'join' input to be at most 524288 bytes, but it is "
                + RecordLimits.encodedSize(merged) + " bytes";
        Scenario scenario = given(started(flow, INPUT), scheduled("left", 1, INPUT), scheduled("right", 1, INPUT),
                succeeded("left", 1, left))
                .when(successReported("right", 1, right));
        scenario.then(succeeded("right", 1, right), failed("join", 1, reason, false),
                new ExecutionFailed("join", "Step 'join' failed: " + reason));
        assertThat(scenario.stateAfter().step("join").status()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void a_task_whose_resolved_config_and_input_are_above_the_limit_fails_before_it_is_handed_out() {
        WorkflowSnapshot flow = workflow(task("fetch"),
                withConfig(task("post", "fetch"), "body", "${steps.fetch.output.page}"));
        Map<String, Object> page = payload("page", 500_000);
        Scenario scenario = given(started(flow, INPUT), scheduled("fetch", 1, INPUT))
                .when(successReported("fetch", 1, page));
        assertThat(scenario.recorded()).hasSize(3);
        ExecutionFailed failure = (ExecutionFailed) scenario.recorded().get(2);
        assertThat(failure.error()).startsWith("Step 'post' failed: Expected step 'post' task (config and input) to be"
                + " at most 900000 bytes, but it is ").endsWith(" bytes");
    }

    @Test
    void a_retry_whose_task_grew_past_the_limit_fails_terminally_instead_of_being_handed_out() {
        WorkflowSnapshot flow = workflow(3600, 0, PLAIN_BACKOFF, task("a"), task("b"),
                withRetries(withConfig(task("post", "a"), "body", "${steps.b.output.page}"), 1));
        Map<String, Object> fromA = payload("rows", 500_000);
        Scenario scenario = given(started(flow, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT),
                succeeded("a", 1, fromA), scheduled("post", 1, fromA), succeeded("b", 1, payload("page", 500_000)),
                failed("post", 1, "busy", true), retryScheduled("post", 2, seconds(0), seconds(1)))
                .at(seconds(1))
                .when(retryDue("post", 2, time(seconds(1))));
        assertThat(scenario.recorded()).hasSize(2);
        assertThat(((StepFailed) scenario.recorded().get(0)).error())
                .startsWith("Expected step 'post' task (config and input) to be at most 900000 bytes");
        assertThat(scenario.recorded().get(1)).isInstanceOf(ExecutionFailed.class);
        assertThat(scenario.stateAfter().step("post").attempt()).isEqualTo(2);
    }

    @Test
    void a_delay_whose_input_grew_past_the_limit_while_it_waited_fails_when_it_ends() {
        WorkflowSnapshot flow = workflow(task("a"), task("b"), withConfig(withConfig(withConfig(task("wait"),
                "processing_type", "delay"), "delay_ms", 1000), "inputs",
                Map.of("a", "${steps.a.output.l}", "b", "${steps.b.output.r}")));
        Scenario scenario = given(started(flow, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT),
                new DelayStarted("wait", time(seconds(1))),
                succeeded("a", 1, payload("l", 300_000)), succeeded("b", 1, payload("r", 300_000)))
                .at(seconds(1))
                .when(delayElapsed("wait", time(seconds(1))));
        assertThat(scenario.recorded()).hasSize(2);
        assertThat(((StepFailed) scenario.recorded().get(0)).error())
                .startsWith("Expected step 'wait' input to be at most 524288 bytes");
        assertThat(scenario.stateAfter().status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void a_start_beyond_the_step_limit_is_rejected_so_the_execution_reads_failed() {
        StepSpec[] chain = new StepSpec[RecordLimits.MAX_STEPS + 1];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = i == 0 ? task("s0") : task("s" + i, "s" + (i - 1));
        }
        given().when(start(workflow(chain), INPUT))
                .then(new ExecutionRejected(WORKFLOW, 1,
                        WORKSPACE, null, "Expected the workflow to have at most 1000 steps, but it has 1001"));
    }
}
