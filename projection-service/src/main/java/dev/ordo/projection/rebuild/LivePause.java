package dev.ordo.projection.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Pauses and resumes the live consumer around a swap. Paused means its last batch's transaction
 * committed and its offsets were committed: it writes nothing until resumed. A container that is not
 * running writes nothing either.
 */
final class LivePause {

    private static final long CHECK_NANOS = Duration.ofMillis(20).toNanos();

    private final KafkaListenerEndpointRegistry listeners;
    private final String listenerId;
    private final Clock clock;

    LivePause(KafkaListenerEndpointRegistry listeners, String listenerId, Clock clock) {
        this.listeners = listeners;
        this.listenerId = listenerId;
        this.clock = clock;
    }

    /** Asks the live consumer to pause; returns whether it did within {@code timeout} (if not, it is resumed). */
    boolean pause(Duration timeout) {
        MessageListenerContainer live = listeners.getListenerContainer(listenerId);
        if (live == null || !live.isRunning()) {
            return true;
        }
        live.pause();
        Instant deadline = clock.instant().plus(timeout);
        while (!live.isContainerPaused() && live.isRunning()) {
            if (clock.instant().isAfter(deadline)) {
                live.resume();
                return false;
            }
            LockSupport.parkNanos(CHECK_NANOS);
        }
        return true;
    }

    void resume() {
        MessageListenerContainer live = listeners.getListenerContainer(listenerId);
        if (live != null) {
            live.resume();
        }
    }
}
