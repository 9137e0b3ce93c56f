package dev.ordo.projection.operations;

import dev.ordo.projection.readmodel.ParkedEventReplay;
import dev.ordo.projection.readmodel.ProjectionProgress;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The replay command, on the projection's own port (an operator's, not the public API's): after the
 * cause of parked events is fixed, {@code POST /admin/parked-events/replay} applies them again, all
 * or one execution's ({@code ?execution_id=}), and answers what it applied and what is still parked.
 */
@RestController
@RequestMapping("/admin/parked-events")
class ParkedEventsController {

    private final ParkedEventReplay replay;
    private final ProjectionProgress progress;

    ParkedEventsController(ParkedEventReplay replay, ProjectionProgress progress) {
        this.replay = replay;
        this.progress = progress;
    }

    @PostMapping("/replay")
    ParkedEventReplay.Report replay(@RequestParam(name = "execution_id", required = false) UUID executionId) {
        try {
            return replay.replay(executionId);
        } finally {
            progress.replayed();
        }
    }
}
