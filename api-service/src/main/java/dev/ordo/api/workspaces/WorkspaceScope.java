package dev.ordo.api.workspaces;

import dev.ordo.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds the workspace a request acts in: {@code X-Workspace-Id}, else {@code X-Workspace-Slug},
 * else {@code ?workspace_id=}, else {@code ?workspace_slug=}; an id always wins over a slug.
 * Nothing given means the {@code default} workspace, created on first use. An unknown workspace
 * is a 404.
 */
@Component
public class WorkspaceScope {

    private final WorkspaceRepository workspaces;

    WorkspaceScope(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    public Workspace resolve(HttpServletRequest request) {
        String id = firstPresent(request.getHeader("X-Workspace-Id"), request.getParameter("workspace_id"));
        if (id != null) {
            return workspaces.findById(parseId(id)).orElseThrow(WorkspaceScope::notFound);
        }
        String slug = firstPresent(request.getHeader("X-Workspace-Slug"), request.getParameter("workspace_slug"));
        if (slug != null) {
            return workspaces.findBySlug(slug).orElseThrow(WorkspaceScope::notFound);
        }
        return workspaces.findBySlug(Workspace.DEFAULT_SLUG)
                .orElseGet(() -> workspaces.createIfAbsent("Default", Workspace.DEFAULT_SLUG));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static String firstPresent(String header, String query) {
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        return query != null && !query.isBlank() ? query.trim() : null;
    }

    private static ApiException notFound() {
        return ApiException.notFound("Workspace not found");
    }
}
