package dev.ordo.api.executions.history;

import dev.ordo.api.executions.reads.ExecutionDetail;
import dev.ordo.api.web.ErrorBody;
import dev.ordo.api.workspaces.WorkspaceScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An execution's recorded events, and its state after any of them (time travel). */
@RestController
@Tag(name = "Execution history", description = "Recorded events and time travel")
@ApiResponse(responseCode = "404", description = "Workspace not found, or no such execution in it",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "422", description = "A path id that is not a UUID, or a query parameter out of range",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "Database unavailable",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class ExecutionHistoryController {

    private final ExecutionHistory history;
    private final WorkspaceScope scope;

    ExecutionHistoryController(ExecutionHistory history, WorkspaceScope scope) {
        this.history = history;
        this.scope = scope;
    }

    @GetMapping("/api/workflows/executions/{execution_id}/events")
    @Operation(summary = "An execution's events", description = "In sequence order, paged by sequence: pass"
            + " next_after_sequence as after_sequence for the next page")
    @ApiResponse(responseCode = "200", description = "{execution_id, items[{sequence, occurred_at, type, data}],"
            + " after_sequence, limit, next_after_sequence, has_more}")
    EventPage events(@PathVariable("execution_id") UUID executionId,
                     @Parameter(description = "Only events after this sequence; 0 or more")
                     @RequestParam(name = "after_sequence", defaultValue = "0") long afterSequence,
                     @Parameter(description = "Events per page, 1 to " + ExecutionHistory.MAX_LIMIT)
                     @RequestParam(defaultValue = "" + ExecutionHistory.DEFAULT_LIMIT) int limit,
                     HttpServletRequest request) {
        return history.events(scope.resolve(request), executionId, afterSequence, limit);
    }

    @GetMapping("/api/workflows/executions/{execution_id}/state")
    @Operation(summary = "An execution as it stood after one of its events",
            description = "In the shape of GET /api/workflows/executions/{execution_id}, folded from the recorded"
                    + " events by the engine's own rules; without at_sequence, after the latest event")
    @ApiResponse(responseCode = "200", description = "The execution after event at_sequence")
    @ApiResponse(responseCode = "400", description = "at_sequence below 1 or beyond the last recorded event",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ExecutionDetail state(@PathVariable("execution_id") UUID executionId,
                          @Parameter(description = "1 to the execution's last sequence")
                          @RequestParam(name = "at_sequence", required = false) Long atSequence,
                          HttpServletRequest request) {
        return history.state(scope.resolve(request), executionId, atSequence);
    }
}
