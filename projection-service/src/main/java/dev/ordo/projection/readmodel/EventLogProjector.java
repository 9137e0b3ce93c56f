package dev.ordo.projection.readmodel;

import dev.ordo.contract.wire.ReadModelUpdate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of event log records to the tables of one schema in one transaction, committed
 * when {@link #project} returns. Per execution, an event is applied only when its sequence follows
 * the last applied one, so redelivered events are dropped and replays are harmless. A record that
 * cannot be decoded, applied or stored is parked with everything after it for that execution
 * ({@link ExecutionFeed}); every other execution of the batch moves on. The batch's place in the
 * log is stored with its rows ({@link LogPositions}), which is why the transaction commits
 * asynchronously: a commit a machine crash loses takes its position with it, and the consumer,
 * which resumes from the stored position, reads the batch again. A failure of the database itself fails the
 * whole batch, rolled back, which the caller retries.
 */
public final class EventLogProjector {

    /**
     * What one batch did.
     *
     * @param updates one per execution whose rows changed, to publish now that they are committed
     * @param appliedEvents the records applied for the first time (never a redelivered one), in log order per execution
     */
    public record Outcome(int applied, int redelivered, List<ParkedEvent> parked, int gaps,
                          List<ReadModelUpdate> updates, List<EventRecord> appliedEvents) {
    }

    private final ExecutionFeeds feeds;
    private final ParkedEventStore parkedEvents;
    private final LogPositions positions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EventLogProjector(ExecutionFeeds feeds, ParkedEventStore parkedEvents, LogPositions positions,
                      TransactionTemplate transaction, Clock clock) {
        this.feeds = feeds;
        this.parkedEvents = parkedEvents;
        this.positions = positions;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Outcome project(List<EventRecord> batch) {
        return transaction.execute(status -> projectInTransaction(batch));
    }

    private Outcome projectInTransaction(List<EventRecord> batch) {
        positions.commitAsynchronously();
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
        List<EventRecord> applied = open.values().stream().flatMap(feed -> feed.applied().stream()).toList();
        positions.advance(batch, applied);
        return new Outcome(applied.size(), open.values().stream().mapToInt(feed -> feed.redelivered().size()).sum(),
                List.copyOf(parked), open.values().stream().mapToInt(ExecutionFeed::gaps).sum(),
                UpdateNotices.of(open.values()), applied);
    }
}
