package dev.ordo.projection.operations;

import dev.ordo.projection.readmodel.ParkedEventStore;
import dev.ordo.projection.readmodel.ProjectionProgress;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code ordo.projection.parked.events}: events waiting in {@code readmodel.parked_events} (read
 * again when this instance parked or replayed, else at most every {@value #REFRESH_SECONDS} s, so
 * that another instance's parking shows too); {@code ordo.projection.gaps}: sequence gaps this
 * instance met.
 */
@Component
class ProjectionMeters {

    static final long REFRESH_SECONDS = 10;

    private final ParkedEventStore parkedEvents;
    private final ProjectionProgress progress;
    private final Clock clock;
    private double parked;
    private long readAtChange = -1;
    private Instant readAt = Instant.MIN;

    ProjectionMeters(MeterRegistry registry, ParkedEventStore parkedEvents, ProjectionProgress progress, Clock clock) {
        this.parkedEvents = parkedEvents;
        this.progress = progress;
        this.clock = clock;
        Gauge.builder("ordo.projection.parked.events", this, ProjectionMeters::parkedEvents)
                .description("Events parked in readmodel.parked_events, waiting for a replay")
                .register(registry);
        FunctionCounter.builder("ordo.projection.gaps", progress, ProjectionProgress::gaps)
                .description("Sequence gaps met in the event log; each gap's event was parked")
                .register(registry);
    }

    private synchronized double parkedEvents() {
        long change = progress.parkingChanges();
        Instant now = clock.instant();
        if (change != readAtChange || now.isAfter(readAt.plus(Duration.ofSeconds(REFRESH_SECONDS)))) {
            try {
                parked = parkedEvents.summary().events();
                readAtChange = change;
                readAt = now;
            } catch (DataAccessException e) {
                return parked;
            }
        }
        return parked;
    }
}
