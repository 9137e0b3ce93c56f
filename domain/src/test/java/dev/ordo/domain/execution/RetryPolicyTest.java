package dev.ordo.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final UUID EXECUTION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    @Test
    void the_defaults_are_one_second_doubling_up_to_a_minute_with_a_fifth_of_jitter() {
        assertThat(RetryPolicy.from(Map.of(), RetryPolicy.DEFAULT)).isEqualTo(new RetryPolicy(1000, 2.0, 60_000, 0.2));
    }

    @Test
    void jitter_takes_at_most_its_share_off_the_exponential_backoff() {
        RetryPolicy policy = new RetryPolicy(1000, 2.0, 60_000, 0.2);
        for (int attempt = 1; attempt <= 8; attempt++) {
            long base = Math.min(60_000, 1000L << (attempt - 1));
            assertThat(policy.delayMillis(EXECUTION, "charge", attempt)).isBetween(Math.round(base * 0.8), base);
        }
    }

    @Test
    void jitter_is_the_same_for_the_same_execution_step_and_attempt() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertThat(policy.delayMillis(EXECUTION, "charge", 3)).isEqualTo(policy.delayMillis(EXECUTION, "charge", 3));
    }

    @Test
    void jitter_spreads_the_retries_of_different_executions() {
        Set<Long> delays = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            delays.add(RetryPolicy.DEFAULT.delayMillis(new UUID(7, i), "charge", 1));
        }
        assertThat(delays).hasSizeGreaterThan(40);
        assertThat(delays).allMatch(delay -> delay >= 800 && delay <= 1000);
    }

    @Test
    void the_unit_share_stays_in_zero_to_one() {
        for (int i = 0; i < 1000; i++) {
            assertThat(RetryPolicy.unitShare(new UUID(i, -i), "s" + i, i)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    @Test
    void numbers_may_come_as_strings_and_out_of_range_values_are_clamped() {
        RetryPolicy policy = RetryPolicy.from(Map.of("initial_delay_ms", "300", "multiplier", 0.5,
                "max_delay_ms", 10, "jitter", 7), RetryPolicy.DEFAULT);
        assertThat(policy).isEqualTo(new RetryPolicy(300, 1.0, 300, 1.0));
    }

    @Test
    void unreadable_values_fall_back() {
        RetryPolicy fallback = new RetryPolicy(10, 3, 100, 0);
        assertThat(RetryPolicy.from(Map.of("initial_delay_ms", "soon", "multiplier", true), fallback)).isEqualTo(fallback);
    }
}
