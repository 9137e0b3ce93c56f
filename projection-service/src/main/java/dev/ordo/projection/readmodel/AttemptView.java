package dev.ordo.projection.readmodel;

import dev.ordo.contract.execution.StepStatus;
import java.time.Instant;

/**
 * One row of {@code readmodel.step_attempts}, as the fold works on it. Its status is a
 * {@link StepStatus#apiName()}: queued, running, then how the attempt ended.
 */
final class AttemptView {

    final int number;
    final Instant scheduledAt;
    String status = StepStatus.QUEUED.apiName();
    Instant startedAt;
    Instant completedAt;
    Instant retryDueAt;
    String error;
    String workerId;
    boolean changed;

    AttemptView(int number, Instant scheduledAt) {
        this.number = number;
        this.scheduledAt = scheduledAt;
    }

    void end(String endStatus, Instant at, String reason) {
        status = endStatus;
        completedAt = at;
        error = reason;
        changed = true;
    }

    boolean isOpen() {
        return StepView.IN_FLIGHT.contains(status);
    }
}
