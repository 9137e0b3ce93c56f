package dev.ordo.projection.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitingTimeTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final WaitingTime waiting = new WaitingTime();

    @Test
    void a_caught_up_partition_waits_for_nothing_however_old_its_last_event() {
        assertThat(waiting.millis(0, 0, T0.minusSeconds(3600), T0)).isZero();
    }

    @Test
    void a_partition_idle_for_an_hour_that_just_got_an_event_is_not_an_hour_late() {
        assertThat(waiting.millis(0, 1, T0.minusSeconds(3600), T0)).isZero();
        assertThat(waiting.millis(0, 1, T0.minusSeconds(3600), T0.plusMillis(300))).isEqualTo(300);
    }

    @Test
    void a_projection_that_keeps_applying_lags_by_the_age_of_its_last_applied_event() {
        waiting.millis(0, 50, T0.minusMillis(200), T0);

        assertThat(waiting.millis(0, 40, T0.plusMillis(4_800), T0.plusSeconds(5))).isEqualTo(200);
    }

    @Test
    void a_stuck_projection_lags_ever_more_until_it_catches_up() {
        waiting.millis(0, 2, T0.minusMillis(100), T0);
        assertThat(waiting.millis(0, 9, T0.minusMillis(100), T0.plusSeconds(10))).isEqualTo(10_000);

        assertThat(waiting.millis(0, 0, T0.plusSeconds(10), T0.plusSeconds(11))).isZero();
        assertThat(waiting.millis(0, 1, T0.plusSeconds(10), T0.plusSeconds(12))).isZero();
    }

    @Test
    void partitions_are_measured_apart() {
        waiting.millis(0, 1, null, T0);

        assertThat(waiting.millis(1, 1, null, T0.plusSeconds(1))).isZero();
        assertThat(waiting.millis(0, 1, null, T0.plusSeconds(1))).isEqualTo(1_000);
    }
}
