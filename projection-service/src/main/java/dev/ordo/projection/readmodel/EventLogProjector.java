package dev.ordo.projection.readmodel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of event log records in one transaction. Per execution, an event is applied only
 * when its sequence follows the last applied one, so redelivered events are dropped and replays
 * are harmless. A record that cannot be decoded, applied or stored is parked with everything after
 * it for that execution ({@link ExecutionFeed}); every other execution of the batch moves on. A
 * failure of the database itself fails the whole batch, which the listener's error handler retries.
 */
@Service
public class EventLogProjector {

    /** What one batch did. */
    public record Outcome(int applied, int redelivered, List<ParkedEvent> parked, int gaps) {
    }

    private final ExecutionFeeds feeds;
    private final ParkedEventStore parkedEvents;
    private final Clock clock;

    EventLogProjector(ExecutionFeeds feeds, ParkedEventStore parkedEvents, Clock clock) {
        this.feeds = feeds;
        this.parkedEvents = parkedEvents;
        this.clock = clock;
    }

    @Transactional
    public Outcome project(List<EventRecord> batch) {
        Set<UUID> ids = batch.stream().map(EventRecord::executionId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<UUID, ExecutionFeed> open = feeds.open(ids, false);
        List<ParkedEvent> parked = new ArrayList<>();
        for (EventRecord record : batch) {
            ExecutionFeed feed = open.get(record.executionId());
            if (feed == null) {
                parked.add(new ParkedEvent(record, ParkReason.UNDECODABLE, record.decodeError()
                        + "; its key names no execution"));
            } else {
                feed.offer(record);
            }
        }
        feeds.store(open.values());
        open.values().forEach(feed -> parked.addAll(feed.parkedEvents()));
        parkedEvents.park(parked, clock.instant());
        return new Outcome(open.values().stream().mapToInt(feed -> feed.applied().size()).sum(),
                open.values().stream().mapToInt(feed -> feed.redelivered().size()).sum(), List.copyOf(parked),
                open.values().stream().mapToInt(ExecutionFeed::gaps).sum());
    }
}
