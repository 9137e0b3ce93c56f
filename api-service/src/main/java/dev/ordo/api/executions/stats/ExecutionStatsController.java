package dev.ordo.api.executions.stats;

import dev.ordo.api.web.ErrorBody;
import dev.ordo.api.workspaces.WorkspaceScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Workspace statistics and workflow metrics. */
@RestController
@Tag(name = "Telemetry", description = "Execution statistics and workflow metrics")
@ApiResponse(responseCode = "404", description = "Workspace not found, or no such workflow in it",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "Database unavailable",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class ExecutionStatsController {

    private final ExecutionStatistics statistics;
    private final WorkspaceScope scope;

    ExecutionStatsController(ExecutionStatistics statistics, WorkspaceScope scope) {
        this.statistics = statistics;
        this.scope = scope;
    }

    @GetMapping("/api/workflows/executions/stats")
    @Operation(summary = "Execution statistics of the workspace", description = "Counts by status, the last 24 hours,"
            + " and the engine's figures (queued tasks, live workers and who they are, engine and projection lag); broker figures"
            + " are null with a note when the broker does not answer")
    @ApiResponse(responseCode = "200", description = "The statistics")
    ExecutionStats stats(HttpServletRequest request) {
        return statistics.stats(scope.resolve(request));
    }

    @GetMapping("/api/workflows/{workflow_id}/metrics")
    @Operation(summary = "Aggregated metrics of a workflow", description = "Success rate (0-100) and durations in"
            + " seconds over its finished executions; one query over the read model")
    @ApiResponse(responseCode = "200", description = "The metrics")
    @ApiResponse(responseCode = "422", description = "A path id that is not a UUID",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    WorkflowMetrics metrics(@PathVariable("workflow_id") UUID workflowId, HttpServletRequest request) {
        return statistics.metrics(scope.resolve(request), workflowId);
    }
}
