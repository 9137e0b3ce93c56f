package dev.ordo.api.executions.history;

import dev.ordo.api.executions.history.StoredEvents.StoredEvent;
import dev.ordo.api.executions.reads.ExecutionDetail;
import dev.ordo.api.executions.reads.ExecutionHeader;
import dev.ordo.api.executions.reads.ExecutionLookup;
import dev.ordo.api.executions.reads.ExecutionReads;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.web.FieldProblem;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * An execution's event history and its state after any of its events, both from the history the
 * projection stores ({@code readmodel.execution_events}); the state is the domain's fold of it.
 */
@Service
public class ExecutionHistory {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final StoredEvents events;
    private final ExecutionLookup lookup;
    private final ExecutionReads reads;

    ExecutionHistory(StoredEvents events, ExecutionLookup lookup, ExecutionReads reads) {
        this.events = events;
        this.lookup = lookup;
        this.reads = reads;
    }

    /** Up to {@code limit} (1 to 1000) events after {@code afterSequence} (0 or more); out of range is a 422. */
    public EventPage events(Workspace workspace, UUID executionId, long afterSequence, int limit) {
        requirePage(afterSequence, limit);
        require(workspace, executionId);
        List<StoredEvent> found = events.after(executionId, afterSequence, limit + 1);
        List<EventPage.Event> items = found.stream().limit(limit).map(ExecutionHistory::event).toList();
        long next = items.isEmpty() ? afterSequence : items.get(items.size() - 1).sequence();
        return new EventPage(executionId, items, afterSequence, limit, next, found.size() > limit);
    }

    /**
     * The execution as it stood after event {@code atSequence}, in the shape of
     * {@code GET /executions/{id}}; null asks for the state after the latest event (for an execution
     * without events yet, what {@code GET /executions/{id}} answers). A sequence below 1 or beyond
     * the last stored one is a 400 that names the range.
     */
    public ExecutionDetail state(Workspace workspace, UUID executionId, Long atSequence) {
        ExecutionHeader header = require(workspace, executionId);
        long last = events.last(executionId);
        if (atSequence == null && last == 0) {
            return reads.detail(workspace, executionId);
        }
        long sequence = atSequence == null ? last : atSequence;
        if (sequence < 1 || sequence > last) {
            throw ApiException.badRequest(last == 0
                    ? "Execution " + executionId + " has no recorded events yet; at_sequence cannot be " + sequence
                    : "at_sequence must be between 1 and " + last + " (the last event of execution " + executionId
                            + " so far), but it is " + sequence);
        }
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (StoredEvent stored : events.upTo(executionId, sequence)) {
            envelopes.add(new EventEnvelope(executionId, stored.sequence(), stored.occurredAt(), decode(stored)));
        }
        return ExecutionDetail.of(header, StateWalk.after(executionId, envelopes));
    }

    private ExecutionHeader require(Workspace workspace, UUID executionId) {
        return lookup.header(workspace.id(), executionId)
                .orElseThrow(() -> ApiException.notFound("Execution not found"));
    }

    private static void requirePage(long afterSequence, int limit) {
        List<FieldProblem> problems = new ArrayList<>();
        if (afterSequence < 0) {
            problems.add(FieldProblem.atLeast(List.of("query", "after_sequence"), 0));
        }
        if (limit < 1) {
            problems.add(FieldProblem.atLeast(List.of("query", "limit"), 1));
        } else if (limit > MAX_LIMIT) {
            problems.add(FieldProblem.atMost(List.of("query", "limit"), MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
    }

    @SuppressWarnings("unchecked")
    private static EventPage.Event event(StoredEvent stored) {
        Map<String, Object> data = new LinkedHashMap<>(JsonCodec.instance().decode(stored.data(), Map.class));
        data.remove("type");
        return new EventPage.Event(stored.sequence(), stored.occurredAt(), stored.type(), data);
    }

    private static ExecutionEvent decode(StoredEvent stored) {
        try {
            return JsonCodec.instance().decode(stored.data(), ExecutionEvent.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Event " + stored.sequence() + " (" + stored.type()
                    + ") of the stored history could not be decoded: " + e.getMessage(), e);
        }
    }
}
