package dev.ordo.worker.tasks;

import java.util.Map;

/**
 * What a running attempt may tell the engine while it runs, supplied by the task loop to every
 * attempt it runs: the seam behind a handler's {@code HandlerContext.heartbeat}.
 */
@FunctionalInterface
public interface AttemptProgress {

    /** Nothing to tell: for callers that run an attempt outside the task loop. */
    AttemptProgress NONE = progress -> {
    };

    /**
     * Sends {@code progress} (small, JSON-like) with the attempt's next heartbeat; when called more
     * than once between two heartbeats, the last progress wins. Never blocks, never throws.
     */
    void heartbeat(Map<String, Object> progress);
}
