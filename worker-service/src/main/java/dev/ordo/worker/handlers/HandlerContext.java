package dev.ordo.worker.handlers;

import dev.ordo.contract.execution.StepTask;
import java.time.Instant;
import java.util.Map;

/**
 * What a handler may ask of the worker while it runs one attempt. The task loop supplies one per
 * attempt; {@link #of(StepTask)} is the stand-alone one (no heartbeats, never cancelled), for
 * tests and callers without a loop.
 */
public interface HandlerContext {

    /**
     * Tells the engine the attempt is alive and how far it got; {@code progress} (small, JSON-like)
     * shows in the step's read model. Cheap, never blocks for long, never throws; call it as often as
     * is useful, the worker may coalesce calls.
     */
    void heartbeat(Map<String, Object> progress);

    /** True once the worker is told to give up the attempt (the execution was cancelled or the worker stops). */
    boolean isCancelled();

    /** When the attempt times out, or null for none; a handler should not work past it. */
    Instant deadline();

    /** No heartbeats, never cancelled, the task's own deadline. */
    static HandlerContext of(StepTask task) {
        Instant deadline = task.deadline();
        return new HandlerContext() {
            @Override
            public void heartbeat(Map<String, Object> progress) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public Instant deadline() {
                return deadline;
            }
        };
    }
}
