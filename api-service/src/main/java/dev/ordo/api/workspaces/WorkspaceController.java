package dev.ordo.api.workspaces;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.web.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/workspaces}: the tenants, and the projects inside each. */
@RestController
@Tag(name = "Workspaces", description = "Tenants and their projects")
@ApiResponse(responseCode = "422", description = "Malformed body or parameter",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "Database unavailable",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class WorkspaceController {

    private final WorkspaceRepository workspaces;
    private final ProjectRepository projects;
    private final WorkspaceScope scope;

    WorkspaceController(WorkspaceRepository workspaces, ProjectRepository projects, WorkspaceScope scope) {
        this.workspaces = workspaces;
        this.projects = projects;
        this.scope = scope;
    }

    @GetMapping({"/api/workspaces", "/api/workspaces/"})
    @ApiResponse(responseCode = "200", description = "Every workspace; with an API key, only the key's own")
    @Operation(summary = "List workspaces", description = "Oldest first")
    List<Workspace> list(HttpServletRequest request) {
        return scope.visible(request);
    }

    @PostMapping({"/api/workspaces", "/api/workspaces/"})
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "The new workspace")
    @Operation(summary = "Create a workspace with its default project",
            description = "With authentication on, only with the admin token")
    @ApiResponse(responseCode = "409", description = "The slug is taken",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    Workspace create(@RequestBody NamedSlug body) {
        NamedSlug checked = body.checked();
        return workspaces.create(checked.name(), checked.slug()).orElseThrow(
                () -> ApiException.conflict("Workspace slug '" + checked.slug() + "' is already taken"));
    }

    @GetMapping("/api/workspaces/{workspace_id}")
    @ApiResponse(responseCode = "200", description = "The workspace")
    @Operation(summary = "Get a workspace")
    @ApiResponse(responseCode = "404", description = "Workspace not found",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    Workspace get(@PathVariable("workspace_id") UUID workspaceId, HttpServletRequest request) {
        return scope.visible(request, workspaceId);
    }

    @GetMapping("/api/workspaces/{workspace_id}/projects")
    @ApiResponse(responseCode = "200", description = "Its projects")
    @Operation(summary = "List a workspace's projects", description = "The default project first")
    @ApiResponse(responseCode = "404", description = "Workspace not found",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    List<Project> projects(@PathVariable("workspace_id") UUID workspaceId, HttpServletRequest request) {
        return projects.list(scope.visible(request, workspaceId).id());
    }

    @PostMapping("/api/workspaces/{workspace_id}/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "The new project")
    @Operation(summary = "Create a project in a workspace")
    @ApiResponse(responseCode = "404", description = "Workspace not found",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "The workspace has a project with that slug",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    Project createProject(@PathVariable("workspace_id") UUID workspaceId, @RequestBody NamedSlug body,
                          HttpServletRequest request) {
        NamedSlug checked = body.checked();
        return projects.create(scope.visible(request, workspaceId).id(), checked.name(), checked.slug()).orElseThrow(
                () -> ApiException.conflict("Project slug '" + checked.slug() + "' is already taken in this workspace"));
    }
}
