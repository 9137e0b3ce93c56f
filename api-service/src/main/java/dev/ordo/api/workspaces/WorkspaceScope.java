package dev.ordo.api.workspaces;

import dev.ordo.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds the workspace a request acts in: {@code X-Workspace-Id}, else {@code X-Workspace-Slug},
 * else {@code ?workspace_id=}, else {@code ?workspace_slug=}; an id always wins over a slug.
 * Nothing given means the {@code default} workspace, created on first use. An unknown workspace
 * is a 404.
 *
 * <p>A request confined to one workspace by its API key ({@link WorkspaceGrant}) acts in that
 * workspace whatever it names, and naming any other is answered exactly as an unknown workspace.
 */
@Component
public class WorkspaceScope {

    private final WorkspaceRepository workspaces;

    WorkspaceScope(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    public Workspace resolve(HttpServletRequest request) {
        Optional<Workspace> named = named(request);
        Optional<UUID> confinement = WorkspaceGrant.confinement(request);
        if (confinement.isPresent()) {
            return visible(request, named.map(Workspace::id).orElse(confinement.get()));
        }
        return named.orElseGet(() -> workspaces.findBySlug(Workspace.DEFAULT_SLUG)
                .orElseGet(() -> workspaces.createIfAbsent("Default", Workspace.DEFAULT_SLUG)));
    }

    /** The workspace with this id, when the request may see it; else 404 as if it did not exist. */
    public Workspace visible(HttpServletRequest request, UUID workspaceId) {
        Optional<UUID> confinement = WorkspaceGrant.confinement(request);
        return workspaces.findById(workspaceId)
                .filter(workspace -> confinement.isEmpty() || confinement.get().equals(workspace.id()))
                .orElseThrow(WorkspaceScope::notFound);
    }

    /** Every workspace the request may see, oldest first: all of them, or the one it is confined to. */
    public List<Workspace> visible(HttpServletRequest request) {
        return WorkspaceGrant.confinement(request).map(id -> workspaces.findById(id).stream().toList())
                .orElseGet(workspaces::list);
    }

    private Optional<Workspace> named(HttpServletRequest request) {
        String id = firstPresent(request.getHeader("X-Workspace-Id"), request.getParameter("workspace_id"));
        if (id != null) {
            return Optional.of(workspaces.findById(parseId(id)).orElseThrow(WorkspaceScope::notFound));
        }
        String slug = firstPresent(request.getHeader("X-Workspace-Slug"), request.getParameter("workspace_slug"));
        if (slug != null) {
            return Optional.of(workspaces.findBySlug(slug).orElseThrow(WorkspaceScope::notFound));
        }
        return Optional.empty();
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
