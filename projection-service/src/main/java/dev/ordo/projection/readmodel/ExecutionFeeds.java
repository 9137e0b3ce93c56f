package dev.ordo.projection.readmodel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Opens the {@link ExecutionFeed}s of a pass over the log and stores what they applied. */
final class ExecutionFeeds {

    private final ReadModelRepository repository;
    private final ParkedEventStore parkedEvents;
    private final StoredRows storedRows;

    ExecutionFeeds(ReadModelRepository repository, ParkedEventStore parkedEvents, StoredRows storedRows) {
        this.repository = repository;
        this.parkedEvents = parkedEvents;
        this.storedRows = storedRows;
    }

    /**
     * One feed per execution, in the order given. Parked executions are read before the rows, so a
     * replay committing in between makes a batch park behind it rather than write over it.
     *
     * @param replaying whether the feeds replay parked events (and so start unparked)
     */
    Map<UUID, ExecutionFeed> open(Collection<UUID> executionIds, boolean replaying) {
        Set<UUID> parked = replaying ? Set.of() : parkedEvents.parkedAmong(executionIds);
        Map<UUID, ExecutionView> views = repository.load(executionIds);
        Map<UUID, ExecutionFeed> feeds = new LinkedHashMap<>();
        for (UUID id : executionIds) {
            feeds.put(id, new ExecutionFeed(id, views.get(id), () -> repository.load(Set.of(id)).get(id),
                    parked.contains(id)));
        }
        return feeds;
    }

    /**
     * Stores every changed read model in one write; when PostgreSQL refuses it, execution by
     * execution, and for a refused execution event by event, so that only what it refuses is parked.
     */
    void store(Collection<ExecutionFeed> feeds) {
        List<ExecutionFeed> changed = feeds.stream().filter(ExecutionFeed::hasApplied).toList();
        if (changed.isEmpty() || storedRows.write(() -> repository.save(
                changed.stream().map(ExecutionFeed::view).toList())).isEmpty()) {
            return;
        }
        for (ExecutionFeed feed : changed) {
            if (storedRows.write(() -> repository.save(List.of(feed.view()))).isPresent()) {
                feed.storeEventByEvent(view -> storedRows.write(() -> repository.save(List.of(view))));
            }
        }
    }
}
