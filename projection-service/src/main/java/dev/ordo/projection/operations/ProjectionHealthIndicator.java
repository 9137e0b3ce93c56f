package dev.ordo.projection.operations;

import dev.ordo.projection.readmodel.ParkedEventStore;
import dev.ordo.projection.readmodel.ProjectionProgress;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code projection} health contributor: DOWN while any event is parked or the current batch
 * keeps failing, with the details an operator needs. It belongs to neither the liveness nor the
 * readiness group: a restart fixes neither, and restarting in a loop would only stop the
 * executions that still move.
 */
@Component
class ProjectionHealthIndicator extends AbstractHealthIndicator {

    private final ParkedEventStore parkedEvents;
    private final ProjectionProgress progress;

    ProjectionHealthIndicator(ParkedEventStore parkedEvents, ProjectionProgress progress) {
        super("Could not read the projection's parked events");
        this.parkedEvents = parkedEvents;
        this.progress = progress;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ParkedEventStore.Summary parked = parkedEvents.summary();
        ProjectionProgress.BatchFailure failure = progress.batchFailure();
        builder.status(parked.events() > 0 || failure != null ? "DOWN" : "UP")
                .withDetail("parked_events", parked.events())
                .withDetail("executions_affected", parked.executions())
                .withDetail("failed_batch_attempts", failure == null ? 0 : failure.attempts())
                .withDetail("sequence_gaps", progress.gaps());
        if (parked.oldestParkedAt() != null) {
            builder.withDetail("oldest_parked_at", parked.oldestParkedAt().toString())
                    .withDetail("replay", "POST /admin/parked-events/replay[?execution_id=]");
        }
        if (failure != null) {
            builder.withDetail("failing_since", failure.since().toString()).withDetail("last_batch_failure",
                    failure.error());
        }
    }
}
