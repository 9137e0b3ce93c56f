package dev.ordo.api.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.executions.stats.BrokerLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpressureTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final BackpressureSettings SETTINGS = new BackpressureSettings(true, 100, 50,
            Duration.ofMillis(2500), Duration.ofSeconds(30));

    private final AtomicReference<Optional<BrokerLag>> measured = new AtomicReference<>(Optional.empty());
    private final AtomicInteger measurements = new AtomicInteger();
    private Backpressure backpressure = with(SETTINGS);

    @AfterEach
    void stop() {
        backpressure.destroy();
    }

    @Test
    void an_engine_behind_past_its_threshold_refuses_new_work_saying_so_with_a_retry_after_rounded_up() {
        measured.set(Optional.of(new BrokerLag(101L, 0L, NOW)));

        assertThatThrownBy(backpressure::admitNewWork).isInstanceOfSatisfying(TooFarBehind.class, refused -> {
            assertThat(refused.retryAfterSeconds()).isEqualTo(3);
            assertThat(refused.getMessage()).isEqualTo("The engine is behind: 101"
                    + " commands and step reports wait for it (more than 100); try again in 3 s");
        });
    }

    @Test
    void a_projection_behind_past_its_threshold_refuses_new_work() {
        measured.set(Optional.of(new BrokerLag(0L, 51L, NOW)));

        assertThatThrownBy(backpressure::admitNewWork).isInstanceOf(TooFarBehind.class)
                .hasMessageStartingWith("The projection is behind: 51 events");
    }

    @Test
    void a_lag_at_the_threshold_admits() {
        measured.set(Optional.of(new BrokerLag(100L, 50L, NOW)));

        assertThatCode(backpressure::admitNewWork).doesNotThrowAnyException();
    }

    @Test
    void an_unknown_lag_admits_and_asks_for_a_measurement() {
        assertThatCode(backpressure::admitNewWork).doesNotThrowAnyException();
        await().untilAtomic(measurements, org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        measured.set(Optional.of(new BrokerLag(null, null, NOW)));
        assertThatCode(backpressure::admitNewWork).doesNotThrowAnyException();
    }

    @Test
    void figures_older_than_the_maximum_age_count_as_unknown() {
        measured.set(Optional.of(new BrokerLag(1_000_000L, 1_000_000L, NOW.minusSeconds(31))));

        assertThatCode(backpressure::admitNewWork).doesNotThrowAnyException();
    }

    @Test
    void disabled_admits_whatever_the_lag() {
        backpressure.destroy();
        backpressure = with(new BackpressureSettings(false, 100, 50, Duration.ofSeconds(5), Duration.ofSeconds(30)));
        measured.set(Optional.of(new BrokerLag(1_000_000L, 1_000_000L, NOW)));

        assertThatCode(backpressure::admitNewWork).doesNotThrowAnyException();
    }

    private Backpressure with(BackpressureSettings settings) {
        return new Backpressure(measured::get, measurements::incrementAndGet, settings,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
