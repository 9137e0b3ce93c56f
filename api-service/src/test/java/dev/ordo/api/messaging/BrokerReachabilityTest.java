package dev.ordo.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When the broker counts as unreachable, from sends and probes dated by when they were attempted. */
class BrokerReachabilityTest {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RuntimeException REFUSED = new IllegalStateException("no answer");

    private final MutableClock clock = new MutableClock(T0);
    private final BrokerReachability broker = new BrokerReachability(SEND_TIMEOUT, clock);

    @Test
    void a_failed_send_makes_the_broker_unreachable_only_once_a_send_timeout_has_passed_since_it_was_attempted() {
        broker.failed(T0, REFUSED);

        clock.now = T0.plusSeconds(4);
        assertThat(broker.failing()).isTrue();
        assertThat(broker.unreachableSince()).isEmpty();
        clock.now = T0.plusSeconds(5);
        assertThat(broker.unreachableSince()).contains(T0);
    }

    @Test
    void an_answer_to_an_attempt_made_after_the_first_failure_ends_the_outage() {
        broker.failed(T0, REFUSED);
        clock.now = T0.plusSeconds(10);

        broker.acknowledged(T0.plusSeconds(9));

        assertThat(broker.failing()).isFalse();
        assertThat(broker.unreachableSince()).isEmpty();
    }

    @Test
    void a_late_failure_of_an_attempt_older_than_the_latest_answer_is_no_news() {
        broker.acknowledged(T0.plusSeconds(2));

        broker.failed(T0.plusSeconds(1), REFUSED);
        clock.now = T0.plusSeconds(60);

        assertThat(broker.failing()).isFalse();
    }

    @Test
    void a_late_answer_to_an_attempt_older_than_the_first_failure_does_not_end_the_outage() {
        broker.failed(T0.plusSeconds(3), REFUSED);

        broker.acknowledged(T0.plusSeconds(1));
        clock.now = T0.plusSeconds(60);

        assertThat(broker.unreachableSince()).contains(T0.plusSeconds(3));
    }

    @Test
    void the_broker_is_quiet_until_something_it_answered_was_attempted_within_the_period() {
        assertThat(broker.quietFor(SEND_TIMEOUT)).isTrue();
        broker.acknowledged(T0);
        clock.now = T0.plusSeconds(4);
        assertThat(broker.quietFor(SEND_TIMEOUT)).isFalse();
        clock.now = T0.plusSeconds(5);
        assertThat(broker.quietFor(SEND_TIMEOUT)).isTrue();
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        private MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
