package dev.ordo.api.workspaces;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * The one workspace an authenticated request is confined to, recorded on the request before any route
 * runs (by the API key filter). A request without it acts in whatever workspace it names: so it is
 * with authentication off, and for the admin token.
 */
public final class WorkspaceGrant {

    private static final String ATTRIBUTE = WorkspaceGrant.class.getName();

    private WorkspaceGrant() {
    }

    public static void confine(HttpServletRequest request, UUID workspaceId) {
        request.setAttribute(ATTRIBUTE, workspaceId);
    }

    public static Optional<UUID> confinement(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof UUID workspaceId ? Optional.of(workspaceId) : Optional.empty();
    }
}
