package dev.ordo.api.executions;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.WorkspaceScope;
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

/** Starting, cancelling and reading executions. */
@RestController
class ExecutionController {

    private final ExecutionSubmissions submissions;
    private final ExecutionQueries queries;
    private final ExecutionCancellations cancellations;
    private final WorkspaceScope scope;

    ExecutionController(ExecutionSubmissions submissions, ExecutionQueries queries,
                        ExecutionCancellations cancellations, WorkspaceScope scope) {
        this.submissions = submissions;
        this.queries = queries;
        this.cancellations = cancellations;
        this.scope = scope;
    }

    @PostMapping("/api/workflows/{workflowId}/execute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Submission execute(@PathVariable UUID workflowId, @RequestBody(required = false) ExecuteRequest body,
                       @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                       HttpServletRequest request) {
        return submissions.submit(scope.resolve(request), workflowId, body == null ? null : body.inputVariables(),
                idempotencyKey);
    }

    @PostMapping("/api/workflows/executions/{executionId}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CancelAccepted cancel(@PathVariable UUID executionId, HttpServletRequest request) {
        return cancellations.cancel(scope.resolve(request).id(), executionId);
    }

    @GetMapping("/api/workflows/executions/{executionId}/status")
    ExecutionStatusView status(@PathVariable UUID executionId, HttpServletRequest request) {
        return queries.status(scope.resolve(request).id(), executionId)
                .orElseThrow(() -> ApiException.notFound("Execution not found"));
    }
}
