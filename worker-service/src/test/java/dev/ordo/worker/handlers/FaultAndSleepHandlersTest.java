package dev.ordo.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.StepTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FaultAndSleepHandlersTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<Duration> slept = new ArrayList<>();

    static StepOutcome run(StepHandler handler, StepTask task) {
        return handler.handle(task, HandlerContext.of(task));
    }

    static StepTask task(int attempt, Map<String, Object> config, Instant deadline) {
        return new StepTask(UUID.randomUUID(), "s", "task", attempt, config, Map.of("in", 1), deadline);
    }

    @Nested
    class Sleep {

        final SleepHandler handler = new SleepHandler(CLOCK, slept::add);

        @Test
        void it_waits_the_configured_time_and_passes_its_input_on() {
            assertThat(run(handler, task(1, Map.of("millis", 250), null)))
                    .isEqualTo(StepOutcome.succeeded(Map.of("in", 1, "slept_ms", 250L)));
            assertThat(slept).containsExactly(Duration.ofMillis(250));
        }

        @Test
        void seconds_may_be_fractional() {
            run(handler, task(1, Map.of("seconds", 1.5), null));
            assertThat(slept).containsExactly(Duration.ofMillis(1500));
        }

        @Test
        void it_stops_at_the_deadline_and_fails_retryably() {
            StepOutcome outcome = run(handler, task(1, Map.of("seconds", 10), NOW.plusSeconds(2)));
            assertThat(slept).containsExactly(Duration.ofSeconds(2));
            assertThat(outcome).isEqualTo(new StepOutcome.Failed(
                    "deadline 2026-01-01T00:00:02Z reached after 2000 of 10000 ms", true));
        }
    }

    @Nested
    class Flaky {

        final FlakyHandler handler = new FlakyHandler(slept::add);

        @Test
        void attempts_up_to_fail_times_fail_and_later_ones_succeed() {
            Map<String, Object> config = Map.of("fail_times", 2);
            assertThat(run(handler, task(1, config, null)))
                    .isEqualTo(new StepOutcome.Failed("injected failure on attempt 1", true));
            assertThat(run(handler, task(2, config, null)))
                    .isEqualTo(new StepOutcome.Failed("injected failure on attempt 2", true));
            assertThat(run(handler, task(3, config, null)))
                    .isEqualTo(StepOutcome.succeeded(Map.of("in", 1, "attempt", 3)));
        }

        @Test
        void a_terminal_failure_can_be_asked_for_with_its_own_message() {
            assertThat(run(handler, task(1, Map.of("retryable", false, "error", "card declined"), null)))
                    .isEqualTo(new StepOutcome.Failed("card declined", false));
        }

        @Test
        void a_hanging_failure_stalls_before_failing_and_a_success_does_not() {
            Map<String, Object> config = Map.of("fail_times", 1, "hang_ms", 1500);
            run(handler, task(1, config, null));
            run(handler, task(2, config, null));
            assertThat(slept).containsExactly(Duration.ofMillis(1500));
        }
    }
}
