package dev.ordo.api.workers;

import org.slf4j.Logger;

/**
 * Logs a streak of broker failures once: a warning at its first failure, a note when a call
 * succeeds again. Used by one thread.
 */
final class OutageLog {

    private final Logger log;
    private boolean failing;

    OutageLog(Logger log) {
        this.log = log;
    }

    void failed(String topic, RuntimeException cause) {
        if (!failing) {
            log.warn("Cannot read {} from the event broker; retrying every second until it answers: {}", topic,
                    cause.toString());
            failing = true;
        }
    }

    void over() {
        if (failing) {
            log.info("The event broker answers again; reading the worker registry");
            failing = false;
        }
    }
}
