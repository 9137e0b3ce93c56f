package dev.ordo.domain.execution;

import static dev.ordo.domain.execution.Scenario.PLAIN_BACKOFF;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.heartbeatDeadlineReached;
import static dev.ordo.domain.execution.Scenario.heartbeatRecorded;
import static dev.ordo.domain.execution.Scenario.heartbeatReported;
import static dev.ordo.domain.execution.Scenario.retryScheduled;
import static dev.ordo.domain.execution.Scenario.running;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.seconds;
import static dev.ordo.domain.execution.Scenario.startReported;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.succeeded;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.time;
import static dev.ordo.domain.execution.Scenario.withConfig;
import static dev.ordo.domain.execution.Scenario.withRetries;
import static dev.ordo.domain.execution.Scenario.withTimeout;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.execution.TimerFired.HeartbeatDeadlineReached;
import dev.ordo.contract.execution.TimerFired.StepDeadlineReached;
import dev.ordo.contract.wire.RecordLimits;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {

    static final Map<String, Object> INPUT = Map.of("order", 42);
    /** {@code train} may run 60 s, but must send a heartbeat at least every 2 s; one retry. */
    static final WorkflowSnapshot TRAINING = workflow(3600, 0, PLAIN_BACKOFF,
            withRetries(withConfig(withTimeout(task("train"), 60), "heartbeat_timeout_seconds", 2), 1));
    static final WorkflowSnapshot UNWATCHED = workflow(3600, 0, PLAIN_BACKOFF, task("train"));

    static Scenario trainingRunsFromSecond(double startedAt) {
        return given(started(TRAINING, INPUT), scheduled("train", 1, INPUT, time(seconds(60))),
                running("train", 1, time(seconds(startedAt + 2))));
    }

    @Nested
    class TheClock {

        @Test
        void a_started_attempt_of_a_step_with_a_heartbeat_timeout_starts_its_clock() {
            given(started(TRAINING, INPUT), scheduled("train", 1, INPUT, time(seconds(60))))
                    .at(seconds(1))
                    .when(startReported("train", 1))
                    .then(running("train", 1, time(seconds(3))));
        }

        @Test
        void a_step_without_a_heartbeat_timeout_starts_no_clock() {
            given(started(UNWATCHED, INPUT), scheduled("train", 1, INPUT))
                    .when(startReported("train", 1))
                    .then(running("train", 1, null));
        }

        @Test
        void a_running_attempt_waits_on_its_step_deadline_and_its_heartbeat_deadline() {
            ExecutionState state = trainingRunsFromSecond(0).stateBefore();
            assertThat(Timers.pending(state)).contains(
                    new StepDeadlineReached(Scenario.EXECUTION, "train", 1, time(seconds(60))),
                    new HeartbeatDeadlineReached(Scenario.EXECUTION, "train", 1, time(seconds(2))));
        }
    }

    @Nested
    class Heartbeats {

        @Test
        void a_heartbeat_that_moves_the_deadline_by_more_than_half_the_timeout_is_recorded() {
            Scenario scenario = trainingRunsFromSecond(0)
                    .at(seconds(1.1))
                    .when(heartbeatReported("train", 1));
            Outcome.Recorded recorded = scenario.then(heartbeatRecorded("train", 1, null, time(seconds(3.1))));
            assertThat(recorded.timersRemoved()).containsExactly(
                    new HeartbeatDeadlineReached(Scenario.EXECUTION, "train", 1, time(seconds(2))));
            assertThat(recorded.timersAdded()).containsExactly(
                    new HeartbeatDeadlineReached(Scenario.EXECUTION, "train", 1, time(seconds(3.1))));
        }

        @Test
        void a_heartbeat_that_moves_the_deadline_less_records_nothing() {
            trainingRunsFromSecond(0)
                    .at(seconds(0.7))
                    .when(heartbeatReported("train", 1))
                    .thenIgnored("accepted");
        }

        @Test
        void a_heartbeat_with_new_progress_is_recorded_however_little_it_moves_the_deadline() {
            trainingRunsFromSecond(0)
                    .at(seconds(0.7))
                    .when(heartbeatReported("train", 1, Map.of("epoch", 3)))
                    .then(heartbeatRecorded("train", 1, Map.of("epoch", 3), time(seconds(2.7))));
        }

        @Test
        void progress_like_the_last_recorded_is_not_new() {
            given(started(TRAINING, INPUT), scheduled("train", 1, INPUT, time(seconds(60))),
                    running("train", 1, time(seconds(2))),
                    heartbeatRecorded("train", 1, Map.of("epoch", 3), time(seconds(2.7))))
                    .at(seconds(1.4))
                    .when(heartbeatReported("train", 1, Map.of("epoch", 3)))
                    .thenIgnored("accepted");
        }

        @Test
        void progress_too_large_to_record_is_left_out_and_the_heartbeat_still_counts() {
            Map<String, Object> huge = Map.of("log", "x".repeat(RecordLimits.MAX_PROGRESS_BYTES));
            trainingRunsFromSecond(0)
                    .at(seconds(1.5))
                    .when(heartbeatReported("train", 1, huge))
                    .then(heartbeatRecorded("train", 1, null, time(seconds(3.5))));
        }

        @Test
        void a_step_without_a_heartbeat_timeout_records_only_new_progress() {
            Scenario running = given(started(UNWATCHED, INPUT), scheduled("train", 1, INPUT), running("train", 1));
            running.when(heartbeatReported("train", 1)).thenIgnored("accepted");
            running.when(heartbeatReported("train", 1, Map.of("epoch", 1)))
                    .then(heartbeatRecorded("train", 1, Map.of("epoch", 1), null));
            assertThat(Timers.pending(running.stateAfter())).noneMatch(HeartbeatDeadlineReached.class::isInstance);
        }

        @Test
        void a_heartbeat_for_an_attempt_no_longer_in_flight_is_rejected() {
            given(started(TRAINING, INPUT), scheduled("train", 1, INPUT, time(seconds(60))),
                    running("train", 1, time(seconds(2))), succeeded("train", 1, Map.of()))
                    .when(heartbeatReported("train", 1, Map.of("epoch", 9)))
                    .thenRejected("to be in flight, but it is completed");
        }
    }

    @Nested
    class Silence {

        @Test
        void an_attempt_whose_heartbeats_stop_times_out_and_is_retried() {
            Scenario scenario = trainingRunsFromSecond(0)
                    .at(seconds(2))
                    .when(heartbeatDeadlineReached("train", 1, time(seconds(2))));
            scenario.then(new StepTimedOut("train", 1, "attempt 1 sent no heartbeat for 2s"),
                    retryScheduled("train", 2, seconds(2), seconds(1)));
            assertThat(scenario.stateAfter().step("train").heartbeat()).isNull();
        }

        @Test
        void the_last_attempt_falling_silent_fails_the_execution() {
            given(started(TRAINING, INPUT), scheduled("train", 1, INPUT, time(seconds(60))),
                    new StepTimedOut("train", 1, "attempt 1 sent no heartbeat for 2s"),
                    retryScheduled("train", 2, seconds(2), seconds(1)),
                    scheduled("train", 2, INPUT, time(seconds(63))), running("train", 2, time(seconds(5))))
                    .at(seconds(5))
                    .when(heartbeatDeadlineReached("train", 2, time(seconds(5))))
                    .then(new StepTimedOut("train", 2, "attempt 2 sent no heartbeat for 2s"),
                            new ExecutionFailed("train", "Step 'train' failed: attempt 2 sent no heartbeat for 2s"));
        }

        @Test
        void a_deadline_that_a_heartbeat_moved_is_moot() {
            given(started(TRAINING, INPUT), scheduled("train", 1, INPUT, time(seconds(60))),
                    running("train", 1, time(seconds(2))), heartbeatRecorded("train", 1, null, time(seconds(3.1))))
                    .at(seconds(2))
                    .when(heartbeatDeadlineReached("train", 1, time(seconds(2))))
                    .thenIgnored("moot");
        }

        @Test
        void the_deadline_of_an_attempt_that_finished_is_moot_and_the_finished_attempt_has_no_clock() {
            Scenario scenario = given(started(TRAINING, INPUT), scheduled("train", 1, INPUT, time(seconds(60))),
                    running("train", 1, time(seconds(2))), succeeded("train", 1, Map.of()));
            assertThat(scenario.stateBefore().step("train").status()).isEqualTo(StepStatus.COMPLETED);
            assertThat(scenario.stateBefore().step("train").heartbeat()).isNull();
            scenario.at(seconds(2)).when(heartbeatDeadlineReached("train", 1, time(seconds(2)))).thenIgnored("moot");
        }

        @Test
        void a_heartbeat_that_comes_late_but_before_the_timer_keeps_the_attempt_alive() {
            trainingRunsFromSecond(0)
                    .at(seconds(2.5))
                    .when(heartbeatReported("train", 1))
                    .then(heartbeatRecorded("train", 1, null, time(seconds(4.5))));
        }
    }
}
