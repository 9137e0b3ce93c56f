package dev.ordo.api.access;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.web.ErrorBody;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.api.workspaces.WorkspaceRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/api-keys}: issuing, listing and revoking API keys, with the admin token. */
@RestController
@Tag(name = "Admin: API keys", description = "Keys of a workspace; these routes need the admin token")
@ApiResponse(responseCode = "401", description = "No or a wrong admin token",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "403", description = "An API key instead of the admin token, or no admin token configured",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "422", description = "Malformed body or parameter",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = "Database unavailable",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
class ApiKeyAdminController {

    private final ApiKeys keys;
    private final WorkspaceRepository workspaces;

    ApiKeyAdminController(ApiKeys keys, WorkspaceRepository workspaces) {
        this.keys = keys;
        this.workspaces = workspaces;
    }

    @PostMapping("/api/admin/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API key for a workspace", description = "The key is in this answer only")
    @ApiResponse(responseCode = "201", description = "The key, shown once")
    @ApiResponse(responseCode = "404", description = "Workspace not found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    IssuedApiKey issue(@RequestBody ApiKeyRequest body) {
        ApiKeyRequest checked = body.checked();
        return IssuedApiKey.of(keys.issue(workspace(checked.workspaceId(), checked.workspaceSlug()).id(),
                checked.name().trim()));
    }

    @GetMapping("/api/admin/api-keys")
    @Operation(summary = "List API keys", description = "Of one workspace when one is named, else of all; never"
            + " their secrets")
    @ApiResponse(responseCode = "200", description = "The keys, oldest first, revoked ones included")
    @ApiResponse(responseCode = "404", description = "Workspace not found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    List<ApiKey> list(@RequestParam(name = "workspace_id", required = false) UUID workspaceId,
                      @RequestParam(name = "workspace_slug", required = false) String workspaceSlug) {
        boolean named = workspaceId != null || (workspaceSlug != null && !workspaceSlug.isBlank());
        return keys.list(named ? workspace(workspaceId, workspaceSlug).id() : null);
    }

    @DeleteMapping("/api/admin/api-keys/{key_id}")
    @Operation(summary = "Revoke an API key", description = "Refused from then on: at once by this instance, within"
            + " ORDO_AUTH_KEY_CACHE_FOR (1 s) by every other")
    @ApiResponse(responseCode = "200", description = "{status: revoked, key_id, revoked_at}")
    @ApiResponse(responseCode = "404", description = "API key not found",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    Map<String, Object> revoke(@PathVariable("key_id") UUID keyId) {
        ApiKey revoked = keys.revoke(keyId).orElseThrow(() -> ApiException.notFound("API key not found"));
        return Map.of("status", "revoked", "key_id", revoked.id(), "revoked_at", revoked.revokedAt());
    }

    private Workspace workspace(UUID id, String slug) {
        return (id != null ? workspaces.findById(id) : workspaces.findBySlug(slug.trim()))
                .orElseThrow(() -> ApiException.notFound("Workspace not found"));
    }
}
