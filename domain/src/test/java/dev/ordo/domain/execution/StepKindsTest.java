package dev.ordo.domain.execution;

import dev.ordo.contract.execution.StepStatus;
import static dev.ordo.domain.execution.Scenario.cancel;
import static dev.ordo.domain.execution.Scenario.delayElapsed;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.heartbeatReported;
import static dev.ordo.domain.execution.Scenario.retryDue;
import static dev.ordo.domain.execution.Scenario.retryScheduled;
import static dev.ordo.domain.execution.Scenario.running;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.seconds;
import static dev.ordo.domain.execution.Scenario.start;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.succeeded;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.time;
import static dev.ordo.domain.execution.Scenario.timedOut;
import static dev.ordo.domain.execution.Scenario.withConfig;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Input templates, delay steps, heartbeats and cancels. */
class StepKindsTest {

    static final Map<String, Object> INPUT = Map.of("name", "Ada", "order", Map.of("id", "o-7"));

    @Nested
    class Inputs {

        @Test
        void config_inputs_resolve_variables_and_earlier_outputs_into_the_step_input() {
            WorkflowSnapshot flow = workflow(task("price"), withConfig(task("mail", "price"), "inputs",
                    Map.of("to", "${name}", "subject", "Order ${order.id}: ${steps.price.output.total} EUR",
                            "total", "${steps.price.output.total}", "lines", List.of("${order.id}"), "fixed", 3)));
            given(started(flow, INPUT), scheduled("price", 1, INPUT))
                    .when(successReported("price", 1, Map.of("total", 99.5)))
                    .then(succeeded("price", 1, Map.of("total", 99.5)), scheduled("mail", 1, Map.of("to", "Ada",
                            "subject", "Order o-7: 99.5 EUR", "total", 99.5, "lines", List.of("o-7"), "fixed", 3)));
        }

        @Test
        void an_entry_step_with_config_inputs_gets_only_those() {
            WorkflowSnapshot flow = workflow(withConfig(task("greet"), "inputs", Map.of("who", "${name}")));
            given().when(start(flow, INPUT)).then(started(flow, INPUT), scheduled("greet", 1, Map.of("who", "Ada")));
        }
    }

    @Nested
    class Delays {

        static final WorkflowSnapshot PAUSED = workflow(withConfig(withConfig(task("wait"), "processing_type", "delay"),
                "delay_ms", 1500), task("after", "wait"));

        @Test
        void a_delay_step_waits_on_a_durable_timer_without_a_worker() {
            given().when(start(PAUSED, INPUT)).then(started(PAUSED, INPUT), new DelayStarted("wait", time(seconds(1.5))));
        }

        @Test
        void when_the_delay_is_over_the_step_completes_with_its_input_and_the_next_runs() {
            given(started(PAUSED, INPUT), new DelayStarted("wait", time(seconds(1.5))))
                    .at(seconds(1.5))
                    .when(delayElapsed("wait", time(seconds(1.5))))
                    .then(succeeded("wait", 0, INPUT), scheduled("after", 1, INPUT));
        }

        @Test
        void delay_seconds_may_be_fractional() {
            WorkflowSnapshot flow = workflow(withConfig(withConfig(task("wait"), "processing_type", "delay"),
                    "delay_seconds", 0.25));
            given().when(start(flow, INPUT)).then(started(flow, INPUT), new DelayStarted("wait", time(seconds(0.25))));
        }

        @Test
        void a_cancelled_delay_never_completes() {
            ExecutionState state = given(started(PAUSED, INPUT), new DelayStarted("wait", time(seconds(1.5))))
                    .when(cancel()).stateAfter();
            assertThat(state.step("wait").status()).isEqualTo(StepStatus.CANCELLED);
            given(started(PAUSED, INPUT), new DelayStarted("wait", time(seconds(1.5))), new ExecutionCancelled("stop"))
                    .at(seconds(1.5)).when(delayElapsed("wait", time(seconds(1.5)))).thenNothing();
        }
    }

    @Nested
    class Heartbeats {

        static final WorkflowSnapshot ONE = workflow(task("long"));

        @Test
        void a_heartbeat_for_the_attempt_in_flight_records_nothing() {
            given(started(ONE, INPUT), scheduled("long", 1, INPUT), running("long", 1))
                    .when(heartbeatReported("long", 1)).thenNothing();
        }

        @Test
        void a_heartbeat_for_a_finished_attempt_is_rejected() {
            given(started(ONE, INPUT), scheduled("long", 1, INPUT), timedOut("long", 1, 5),
                    retryScheduled("long", 2, seconds(5), seconds(1)))
                    .when(heartbeatReported("long", 1))
                    .thenRejected("to be in flight, but it is retrying");
        }
    }

    @Nested
    class CancelWhileRetryPending {

        static final WorkflowSnapshot ONE = workflow(3600, 2, Map.of(), task("flaky"));

        @Test
        void a_cancel_while_a_retry_is_pending_cancels_the_step_and_the_retry_never_runs() {
            Scenario scenario = given(started(ONE, INPUT), scheduled("flaky", 1, INPUT), timedOut("flaky", 1, 5),
                    retryScheduled("flaky", 2, seconds(5), seconds(1)))
                    .at(seconds(5.5)).when(cancel());
            scenario.then(new ExecutionCancelled("user asked"));
            ExecutionState after = scenario.stateAfter();
            assertThat(after.step("flaky").status()).isEqualTo(StepStatus.CANCELLED);
            assertThat(Timers.pending(after)).isEmpty();
            given(started(ONE, INPUT), scheduled("flaky", 1, INPUT), timedOut("flaky", 1, 5),
                    retryScheduled("flaky", 2, seconds(5), seconds(1)), new ExecutionCancelled("user asked"))
                    .at(seconds(6)).when(retryDue("flaky", 2, time(seconds(6)))).thenNothing();
        }

        @Test
        void a_report_after_cancel_is_rejected() {
            given(started(ONE, INPUT), scheduled("flaky", 1, INPUT), new ExecutionCancelled("user asked"))
                    .when(successReported("flaky", 1, Map.of()))
                    .thenRejected("to be running, but it is cancelled");
        }
    }
}
