package dev.ordo.projection.readmodel;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.wire.EventEnvelope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of events in one transaction. Per execution, an event is applied only when its
 * sequence follows the last applied one: redelivered events are skipped, so replays are harmless.
 */
@Service
public class EventLogProjector {

    private static final Logger log = LoggerFactory.getLogger(EventLogProjector.class);

    private final ReadModelRepository repository;

    EventLogProjector(ReadModelRepository repository) {
        this.repository = repository;
    }

    /** @return how many events were applied */
    @Transactional
    public int project(List<EventEnvelope> batch) {
        Set<UUID> ids = batch.stream().map(EventEnvelope::executionId).collect(Collectors.toSet());
        Map<UUID, ExecutionView> views = repository.load(ids);
        Map<UUID, ExecutionView> changed = new LinkedHashMap<>();
        int applied = 0;
        for (EventEnvelope envelope : batch) {
            ExecutionView view = views.get(envelope.executionId());
            if (view == null && envelope.event() instanceof ExecutionStarted && envelope.sequence() == 1) {
                view = new ExecutionView(envelope.executionId());
                views.put(view.id, view);
            }
            long expected = view == null ? 1 : view.lastSequence + 1;
            if (view == null || envelope.sequence() != expected) {
                if (envelope.sequence() > expected) {
                    log.warn("Execution {} expected event {} but got {}; skipped", envelope.executionId(), expected,
                            envelope.sequence());
                }
                continue;
            }
            ExecutionFold.apply(view, envelope);
            changed.put(view.id, view);
            applied++;
        }
        repository.save(changed.values());
        return applied;
    }
}
