package dev.ordo.projection.operations;

import dev.ordo.projection.readmodel.ParkedEventReplay;
import dev.ordo.projection.readmodel.ParkedEventStore;
import dev.ordo.projection.readmodel.ProjectionProgress;
import dev.ordo.projection.updates.ReadModelUpdatePublisher;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Parked events, for an operator on the projection's own port (not the public API):
 * <ul>
 *   <li>{@code GET /admin/parked-events[?execution_id=]}: the first {@value #LIST_LIMIT}, in log order;</li>
 *   <li>{@code POST /admin/parked-events/replay[?execution_id=]}: after their cause is fixed, applies
 *       them again and answers what it applied and what is still parked; once committed, the changed
 *       executions' read-model updates are published as for any batch;</li>
 *   <li>{@code DELETE /admin/parked-events/{topic}/{partition}/{offset}}: forgets a record that is no
 *       event at all, so a replay can apply what waits behind it. A real event discarded leaves a
 *       gap, which stays parked.</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/parked-events")
class ParkedEventsController {

    static final int LIST_LIMIT = 100;
    private static final Logger log = LoggerFactory.getLogger(ParkedEventsController.class);

    private final ParkedEventReplay replay;
    private final ParkedEventStore parkedEvents;
    private final ProjectionProgress progress;
    private final ReadModelUpdatePublisher updates;

    ParkedEventsController(ParkedEventReplay replay, ParkedEventStore parkedEvents, ProjectionProgress progress,
                           ReadModelUpdatePublisher updates) {
        this.replay = replay;
        this.parkedEvents = parkedEvents;
        this.progress = progress;
        this.updates = updates;
    }

    @GetMapping
    List<ParkedEventStore.Listed> list(@RequestParam(name = "execution_id", required = false) UUID executionId) {
        return parkedEvents.list(executionId, LIST_LIMIT);
    }

    @PostMapping("/replay")
    ParkedEventReplay.Report replay(@RequestParam(name = "execution_id", required = false) UUID executionId) {
        try {
            ParkedEventReplay.Replayed replayed = replay.replay(executionId);
            updates.publish(replayed.updates());
            return replayed.report();
        } finally {
            progress.replayed();
        }
    }

    @DeleteMapping("/{topic}/{partition}/{offset}")
    ResponseEntity<Map<String, Object>> discard(@PathVariable String topic, @PathVariable int partition,
                                                @PathVariable long offset) {
        if (!parkedEvents.discard(topic, partition, offset)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("detail",
                    "Expected a parked record at " + topic + "-" + partition + "@" + offset + ", but there is none"));
        }
        progress.replayed();
        log.warn("Discarded the parked record at {}-{}@{} at an operator's request", topic, partition, offset);
        return ResponseEntity.ok(Map.of("discarded", topic + "-" + partition + "@" + offset));
    }
}
