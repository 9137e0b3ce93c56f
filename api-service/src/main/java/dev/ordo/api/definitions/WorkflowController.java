package dev.ordo.api.definitions;

import dev.ordo.api.definitions.WorkflowViews.Deletion;
import dev.ordo.api.definitions.WorkflowViews.ValidationResult;
import dev.ordo.api.definitions.WorkflowViews.WorkflowList;
import dev.ordo.api.web.ApiException;
import dev.ordo.api.web.ErrorBody;
import dev.ordo.api.web.FieldProblem;
import dev.ordo.api.web.PageRequest;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.api.workspaces.WorkspaceScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workflow definition routes under {@code /api/workflows}, each in the workspace the request names.
 * Literal paths ({@code templates}, {@code validate}) take precedence over {@code {workflow_id}}.
 */
@RestController
@Tag(name = "Workflow definitions", description = "Create, read, revise and delete workflow definitions")
@ApiResponse(responseCode = "404", description = "Workspace not found, or no such workflow in it",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "422", description = "Malformed body or parameter, or a string holding NUL: detail lists"
        + " {loc, msg, type}",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "Database unavailable",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class WorkflowController {

    private final WorkflowDefinitions definitions;
    private final WorkflowEdits edits;
    private final WorkflowTemplates templates;
    private final WorkspaceScope scope;

    WorkflowController(WorkflowDefinitions definitions, WorkflowEdits edits, WorkflowTemplates templates,
                       WorkspaceScope scope) {
        this.definitions = definitions;
        this.edits = edits;
        this.templates = templates;
        this.scope = scope;
    }

    @GetMapping({"/api/workflows", "/api/workflows/"})
    @ApiResponse(responseCode = "200", description = "One page: items, total, skip, limit")
    @Operation(summary = "List workflow definitions", description = "Newest first; skip 0 or more, limit 1 to 100")
    WorkflowList list(@RequestParam(defaultValue = "0") int skip, @RequestParam(defaultValue = "10") int limit,
                      @RequestParam(name = "project_id", required = false) UUID projectId,
                      @RequestParam(name = "is_active", required = false) Boolean isActive,
                      HttpServletRequest request) {
        PageRequest page = PageRequest.of(skip, limit);
        WorkflowDefinitions.Page found = definitions.list(scope.resolve(request),
                new WorkflowRepository.Filter(projectId, isActive), page.skip(), page.limit());
        return new WorkflowList(found.items().stream().map(workflow -> WorkflowResponse.of(workflow, true)).toList(),
                found.total(), page.skip(), page.limit());
    }

    @PostMapping({"/api/workflows", "/api/workflows/"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a workflow definition")
    @ApiResponse(responseCode = "201", description = "Created at version 1")
    @ApiResponse(responseCode = "400", description = "Graph invalid or too large to run ({message, errors, warnings};"
        + " TOO_MANY_STEPS, DEFINITION_TOO_LARGE) or project of another workspace",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "413", description = "Request body over ordo.http.max-body-size",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "A workflow of that name exists in the project",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    WorkflowResponse create(@RequestBody WorkflowCreate body, HttpServletRequest request) {
        return WorkflowResponse.of(definitions.create(scope.resolve(request), body), true);
    }

    @GetMapping("/api/workflows/templates")
    @ApiResponse(responseCode = "200", description = "Every template")
    @Operation(summary = "Built-in workflow templates", description = "Each can be posted as a new workflow as it is")
    List<WorkflowTemplate> templates(HttpServletRequest request) {
        scope.resolve(request);
        return templates.all();
    }

    @PostMapping("/api/workflows/validate")
    @ApiResponse(responseCode = "200", description = "The verdict: is_valid, errors, warnings")
    @Operation(summary = "Validate a workflow definition without saving it",
            description = "Always 200 for a well-formed body: is_valid, errors and warnings")
    ValidationResult validate(@RequestBody WorkflowCreate body, HttpServletRequest request) {
        scope.resolve(request);
        return ValidationResult.of(DefinitionChecks.report(body));
    }

    @GetMapping("/api/workflows/{workflow_id}")
    @ApiResponse(responseCode = "200", description = "The workflow at the asked version")
    @Operation(summary = "Get a workflow definition", description = "The current version, or version=N for an earlier one")
    WorkflowResponse get(@PathVariable("workflow_id") UUID workflowId,
                         @Parameter(description = "Include steps and variables")
                         @RequestParam(name = "include_steps", defaultValue = "true") boolean includeSteps,
                         @Parameter(description = "A historical version, 1 or more")
                         @RequestParam(required = false) Integer version,
                         HttpServletRequest request) {
        Workspace workspace = scope.resolve(request);
        if (version == null) {
            return WorkflowResponse.of(definitions.get(workspace, workflowId), includeSteps);
        }
        if (version < 1) {
            throw ApiException.unprocessable(List.of(FieldProblem.atLeast(List.of("query", "version"), 1)));
        }
        return WorkflowResponse.of(definitions.get(workspace, workflowId, version), includeSteps);
    }

    @PatchMapping("/api/workflows/{workflow_id}")
    @ApiResponse(responseCode = "200", description = "The workflow after the update")
    @Operation(summary = "Update a workflow definition",
            description = "A change to steps, variables, config, timeouts or retries makes a new version")
    @ApiResponse(responseCode = "400",
        description = "Graph invalid or too large to run, or project of another workspace",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "413", description = "Request body over ordo.http.max-body-size",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "The new name is taken in the project",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    WorkflowResponse update(@PathVariable("workflow_id") UUID workflowId, @RequestBody WorkflowUpdate body,
                            HttpServletRequest request) {
        return WorkflowResponse.of(edits.update(scope.resolve(request), workflowId, body), true);
    }

    @DeleteMapping("/api/workflows/{workflow_id}")
    @ApiResponse(responseCode = "200", description = "{status: deleted, workflow_id}")
    @Operation(summary = "Delete a workflow definition", description = "Its past executions stay readable")
    @ApiResponse(responseCode = "409", description = "An execution of the workflow is pending or running",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    Deletion delete(@PathVariable("workflow_id") UUID workflowId, HttpServletRequest request) {
        edits.delete(scope.resolve(request), workflowId);
        return Deletion.of(workflowId);
    }
}
