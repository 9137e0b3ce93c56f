package dev.ordo.api.definitions;

import dev.ordo.api.workspaces.WorkspaceScope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Workflow definition routes under {@code /api/workflows}. */
@RestController
class WorkflowController {

    private final WorkflowDefinitions definitions;
    private final WorkspaceScope scope;

    WorkflowController(WorkflowDefinitions definitions, WorkspaceScope scope) {
        this.definitions = definitions;
        this.scope = scope;
    }

    @PostMapping({"/api/workflows", "/api/workflows/"})
    @ResponseStatus(HttpStatus.CREATED)
    WorkflowResponse create(@RequestBody WorkflowCreate body, HttpServletRequest request) {
        return WorkflowResponse.of(definitions.create(scope.resolve(request), body), true);
    }

    @GetMapping("/api/workflows/{workflowId}")
    WorkflowResponse get(@PathVariable UUID workflowId,
                         @RequestParam(name = "include_steps", defaultValue = "true") boolean includeSteps,
                         HttpServletRequest request) {
        return WorkflowResponse.of(definitions.get(scope.resolve(request), workflowId), includeSteps);
    }
}
