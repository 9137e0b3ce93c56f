package dev.ordo.worker;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.worker.handlers.HandlerContext;
import dev.ordo.worker.tasks.AttemptProgress;
import java.time.Instant;
import java.util.Map;

/**
 * The handler's view of one attempt run by the task loop: its heartbeats carry the handler's
 * progress, and it counts as cancelled once the worker stops and interrupts the attempt's thread
 * (the task pool does so when the shutdown grace runs out).
 */
final class AttemptContext implements HandlerContext {

    private final StepTask task;
    private final AttemptProgress progress;

    AttemptContext(StepTask task, AttemptProgress progress) {
        this.task = task;
        this.progress = progress;
    }

    @Override
    public void heartbeat(Map<String, Object> report) {
        progress.heartbeat(report);
    }

    @Override
    public boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    @Override
    public Instant deadline() {
        return task.deadline();
    }
}
