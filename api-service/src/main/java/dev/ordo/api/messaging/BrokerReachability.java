package dev.ordo.api.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What this instance has learnt about the broker from its own sends and probes, each dated by when
 * it was attempted. The broker counts as failing from the first failed attempt made after the latest
 * acknowledged one, and as unreachable once that has lasted a send timeout; only then are new
 * commands refused (503). Before, they are written to the outbox and wait there for the broker.
 */
@Component
class BrokerReachability {

    private static final Logger log = LoggerFactory.getLogger(BrokerReachability.class);

    private final Duration sendTimeout;
    private final Clock clock;
    private Instant failingSince;
    private Instant latestAcknowledged;

    BrokerReachability(@Value("${ordo.commands.send-timeout:5s}") Duration sendTimeout, Clock clock) {
        this.sendTimeout = sendTimeout;
        this.clock = clock;
    }

    /** A send or probe attempted at {@code attemptedAt} was answered. */
    synchronized void acknowledged(Instant attemptedAt) {
        if (latestAcknowledged == null || attemptedAt.isAfter(latestAcknowledged)) {
            latestAcknowledged = attemptedAt;
        }
        if (failingSince != null && !attemptedAt.isBefore(failingSince)) {
            log.info("The event broker answers again (it had been failing since {})", failingSince);
            failingSince = null;
        }
    }

    /** A send or probe attempted at {@code attemptedAt} failed; older than the latest answer, it is no news. */
    synchronized void failed(Instant attemptedAt, Throwable error) {
        if (latestAcknowledged != null && attemptedAt.isBefore(latestAcknowledged)) {
            return;
        }
        if (failingSince == null) {
            log.warn("The event broker did not answer an attempt made at {}: {}", attemptedAt, error.toString());
        }
        if (failingSince == null || attemptedAt.isBefore(failingSince)) {
            failingSince = attemptedAt;
        }
    }

    /** Some attempt failed and none made later was answered. */
    synchronized boolean failing() {
        return failingSince != null;
    }

    /** Since when the broker has been out of reach, once that has lasted a send timeout. */
    synchronized Optional<Instant> unreachableSince() {
        if (failingSince == null || Duration.between(failingSince, clock.instant()).compareTo(sendTimeout) < 0) {
            return Optional.empty();
        }
        return Optional.of(failingSince);
    }

    /** Whether no attempt made within the last {@code period} was answered. */
    synchronized boolean quietFor(Duration period) {
        return latestAcknowledged == null
                || Duration.between(latestAcknowledged, clock.instant()).compareTo(period) >= 0;
    }

    Instant now() {
        return clock.instant();
    }

    Duration sendTimeout() {
        return sendTimeout;
    }
}
