package dev.ordo.projection.readmodel;

import dev.ordo.contract.wire.ReadModelUpdate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies parked events again, after their cause is fixed (a projection that reads a new event
 * type, a fold that no longer fails, data PostgreSQL now takes, the missing events of a gap).
 *
 * <p>Per execution, its parked records are decoded again in log order; those before the first
 * that still does not decode are applied in sequence order, as the listener would have, and
 * everything from the first that fails again stays parked with its new reason. Applied records,
 * and records the read model already holds, leave the table. One transaction, with the rows
 * locked, so two replays never apply the same event; committed when {@link #replay} returns.
 */
public final class ParkedEventReplay {

    /** What a replay did to one execution; {@code blockedBy} is why its first parked event still waits. */
    public record ExecutionReplay(UUID executionId, int applied, int stillParked, String blockedBy) {
    }

    /** What a replay did. */
    public record Report(int applied, int stillParked, List<ExecutionReplay> executions) {
    }

    /** The report, and one update per execution whose rows changed, to publish now that they are committed. */
    public record Replayed(Report report, List<ReadModelUpdate> updates) {
    }

    private final ExecutionFeeds feeds;
    private final ParkedEventStore parkedEvents;
    private final TransactionTemplate transaction;

    ParkedEventReplay(ExecutionFeeds feeds, ParkedEventStore parkedEvents, TransactionTemplate transaction) {
        this.feeds = feeds;
        this.parkedEvents = parkedEvents;
        this.transaction = transaction;
    }

    /** Replays the parked events of {@code executionId}, or of every execution when it is null. */
    public Replayed replay(UUID executionId) {
        return transaction.execute(status -> replayInTransaction(executionId));
    }

    private Replayed replayInTransaction(UUID executionId) {
        Map<UUID, List<EventRecord>> byExecution = new LinkedHashMap<>();
        for (ParkedEventStore.Row row : parkedEvents.lockForReplay(executionId)) {
            UUID id = row.record().executionId();
            if (id != null) {
                byExecution.computeIfAbsent(id, key -> new ArrayList<>()).add(row.record());
            }
        }
        Map<UUID, ExecutionFeed> open = feeds.open(byExecution.keySet(), true);
        byExecution.forEach((id, records) -> inReplayOrder(records).forEach(open.get(id)::offer));
        feeds.store(open.values());

        List<ExecutionReplay> executions = new ArrayList<>();
        int applied = 0;
        for (ExecutionFeed feed : open.values()) {
            parkedEvents.remove(feed.applied());
            parkedEvents.remove(feed.redelivered());
            parkedEvents.reason(feed.parkedEvents());
            applied += feed.applied().size();
            executions.add(new ExecutionReplay(feed.executionId(), feed.applied().size(), feed.parkedEvents().size(),
                    feed.parkedEvents().isEmpty() ? null : feed.parkedEvents().get(0).error()));
        }
        return new Replayed(new Report(applied, (int) parkedEvents.count(executionId), executions),
                UpdateNotices.of(open.values()));
    }

    /** The decodable records before the first undecodable one by sequence, then the rest in log order. */
    private static List<EventRecord> inReplayOrder(List<EventRecord> inLogOrder) {
        int firstUndecodable = 0;
        while (firstUndecodable < inLogOrder.size() && inLogOrder.get(firstUndecodable).isDecoded()) {
            firstUndecodable++;
        }
        List<EventRecord> ordered = new ArrayList<>(inLogOrder.subList(0, firstUndecodable));
        ordered.sort(Comparator.comparingLong(record -> record.envelope().sequence()));
        ordered.addAll(inLogOrder.subList(firstUndecodable, inLogOrder.size()));
        return ordered;
    }
}
