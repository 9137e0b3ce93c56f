package dev.ordo.api.executions.reads;

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

/**
 * Reading executions from the read model. {@code /api/workflows/executions/stats} is a literal path
 * and so is never taken for an execution id.
 */
@RestController
@Tag(name = "Executions", description = "Start, read, cancel, retry and rerun executions")
@ApiResponse(responseCode = "404", description = "Workspace not found, or no such execution or workflow in it",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "422", description = "A path id that is not a UUID, or a query parameter out of range",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "Database unavailable",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class ExecutionReadController {

    private final ExecutionReads reads;
    private final WorkspaceScope scope;

    ExecutionReadController(ExecutionReads reads, WorkspaceScope scope) {
        this.reads = reads;
        this.scope = scope;
    }

    @GetMapping("/api/workflows/executions/{execution_id}")
    @Operation(summary = "Get an execution", description = "With its pinned definition and one record per step;"
            + " pending right after submit, never 404 for an accepted execution")
    @ApiResponse(responseCode = "200", description = "The execution as the read model has it now")
    ExecutionDetail detail(@PathVariable("execution_id") UUID executionId, HttpServletRequest request) {
        return reads.detail(scope.resolve(request), executionId);
    }

    @GetMapping("/api/workflows/executions/{execution_id}/timeline")
    @Operation(summary = "Per-step timeline of an execution",
            description = "Every step of the pinned definition, also those never started, with every attempt")
    @ApiResponse(responseCode = "200", description = "The timeline")
    ExecutionTimeline timeline(@PathVariable("execution_id") UUID executionId, HttpServletRequest request) {
        return reads.timeline(scope.resolve(request), executionId);
    }

    @GetMapping("/api/workflows/{workflow_id}/executions")
    @Operation(summary = "List a workflow's executions", description = "Newest first; skip 0 or more, limit 1 to 100;"
            + " accepted executions not yet projected are listed as pending")
    @ApiResponse(responseCode = "200", description = "One page: items, total, skip, limit")
    @ApiResponse(responseCode = "400", description = "Invalid status: x",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ExecutionList list(@PathVariable("workflow_id") UUID workflowId,
                               @RequestParam(defaultValue = "0") int skip,
                               @RequestParam(defaultValue = "10") int limit,
                               @Parameter(description = "pending, running, completed, failed, cancelled or timeout")
                               @RequestParam(required = false) String status,
                               HttpServletRequest request) {
        return reads.list(scope.resolve(request), workflowId, skip, limit, status);
    }
}
