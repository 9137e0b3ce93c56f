package dev.ordo.api.executions;

import dev.ordo.api.admission.Backpressure;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.web.ErrorBody;
import dev.ordo.api.workspaces.WorkspaceScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starting, cancelling, retrying and rerunning executions, and their status. Every command goes
 * through the outbox; 202 means it is committed (and normally on the broker already). Execute, retry
 * and rerun start work, and answer 429 while the engine or the projection is too far behind
 * ({@link Backpressure}); cancel is always taken.
 */
@RestController
@Tag(name = "Executions", description = "Start, read, cancel, retry and rerun executions")
@ApiResponse(responseCode = "404", description = "Workspace not found, or no such execution or workflow in it",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "422", description = "Malformed body, or a path id that is not a UUID",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "Database unavailable, or (for commands) the broker unreachable",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class ExecutionController {

    private final ExecutionSubmissions submissions;
    private final ExecutionQueries queries;
    private final ExecutionCancellations cancellations;
    private final ExecutionRetries retries;
    private final ExecutionReruns reruns;
    private final WorkspaceScope scope;
    private final Backpressure backpressure;

    ExecutionController(ExecutionSubmissions submissions, ExecutionQueries queries,
                        ExecutionCancellations cancellations, ExecutionRetries retries, ExecutionReruns reruns,
                        WorkspaceScope scope, Backpressure backpressure) {
        this.submissions = submissions;
        this.queries = queries;
        this.cancellations = cancellations;
        this.retries = retries;
        this.reruns = reruns;
        this.scope = scope;
        this.backpressure = backpressure;
    }

    @PostMapping("/api/workflows/{workflow_id}/execute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start an execution", description = "Inputs checked against the workflow's variables;"
            + " Idempotency-Key returns the same execution for a repeat")
    @ApiResponse(responseCode = "202", description = "{status: submitted, execution_id, message, workflow_id}")
    @ApiResponse(responseCode = "400", description = "Invalid input variables, the workflow is not active, or an"
            + " Idempotency-Key over 255 characters",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "413", description = "input_variables over the size limit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "The engine or the projection is too far behind; Retry-After"
            + " says when to try again", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    Submission execute(@PathVariable("workflow_id") UUID workflowId,
                       @RequestBody(required = false) ExecuteRequest body,
                       @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                       HttpServletRequest request) {
        backpressure.admitNewWork();
        return submissions.submit(scope.resolve(request), workflowId, body == null ? null : body.inputVariables(),
                IdempotencyKeys.requireValid(idempotencyKey));
    }

    @PostMapping("/api/workflows/executions/{execution_id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancel an execution", description = "It reaches cancelled moments later")
    @ApiResponse(responseCode = "202", description = "{status: cancelling, execution_id, message}")
    @ApiResponse(responseCode = "409", description = "Already finished",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    CancelAccepted cancel(@PathVariable("execution_id") UUID executionId, HttpServletRequest request) {
        return cancellations.cancel(scope.resolve(request).id(), executionId);
    }

    @PostMapping("/api/workflows/executions/{execution_id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Retry a failed or timed-out execution", description = "The same execution runs again from"
            + " its failed, timed-out and cancelled steps; completed steps keep their outputs. Optional body"
            + " {\"step_inputs\": {step_name: {...}}} replaces the input of steps run again")
    @ApiResponse(responseCode = "202", description = "{status: retrying, execution_id, message}")
    @ApiResponse(responseCode = "400", description = "step_inputs not an object of objects, or naming a step the"
            + " workflow lacks or one the retry does not run again",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "Not failed or timed out, or ended too long ago to be retried",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "413", description = "step_inputs over the size limit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "The engine or the projection is too far behind; Retry-After"
            + " says when to try again", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    RetryAccepted retry(@PathVariable("execution_id") UUID executionId,
                        @RequestBody(required = false) RetryRequest body, HttpServletRequest request) {
        backpressure.admitNewWork();
        return retries.retry(scope.resolve(request), executionId, body == null ? null : body.stepInputs());
    }

    @PostMapping("/api/workflows/executions/{execution_id}/rerun")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run an execution again as a new one", description = "Same pinned version, same inputs;"
            + " submitted like an execute (a new number; Idempotency-Key returns the same new execution)")
    @ApiResponse(responseCode = "202",
            description = "{status: submitted, execution_id, workflow_id, message, rerun_of}")
    @ApiResponse(responseCode = "400", description = "The workflow is not active, or an Idempotency-Key over 255"
            + " characters",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "A start the engine refused (no definition), or the workflow was"
            + " deleted", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "The engine or the projection is too far behind; Retry-After"
            + " says when to try again", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    RerunAccepted rerun(@PathVariable("execution_id") UUID executionId,
                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                        HttpServletRequest request) {
        backpressure.admitNewWork();
        return reruns.rerun(scope.resolve(request), executionId, IdempotencyKeys.requireValid(idempotencyKey));
    }

    @GetMapping("/api/workflows/executions/{execution_id}/status")
    @Operation(summary = "Status snapshot of an execution", description = "pending right after submit, never 404")
    @ApiResponse(responseCode = "200", description = "Status, times, results and progress counts")
    ExecutionStatusView status(@PathVariable("execution_id") UUID executionId, HttpServletRequest request) {
        return queries.status(scope.resolve(request).id(), executionId)
                .orElseThrow(() -> ApiException.notFound("Execution not found"));
    }
}
