package dev.ordo.api.access;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a request needs when authentication is on. Public: health, the OpenAPI document, {@code /docs}
 * with its Swagger UI assets, and the dashboard's static files (the page asks for a key itself).
 * The admin token: {@code /api/admin/**}, creating a workspace, and every other actuator endpoint.
 * The workspace routes ({@code /api/workspaces/**}) take either. Everything else, every
 * {@code /api/**} route and {@code /ws/**} handshake included, needs an API key.
 */
enum RouteGuard {
    PUBLIC, ADMIN, ADMIN_OR_KEY, KEY;

    static RouteGuard of(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        if (isPublic(path) && isPublic(raw)) {
            return PUBLIC;
        }
        if (under(path, "/api/admin") || under(path, "/actuator")) {
            return ADMIN;
        }
        if (path.equals("/api/workspaces") || path.equals("/api/workspaces/")) {
            return "POST".equalsIgnoreCase(request.getMethod()) ? ADMIN : ADMIN_OR_KEY;
        }
        return under(path, "/api/workspaces") ? ADMIN_OR_KEY : KEY;
    }

    /** Whether the path names an admin route, which the admin token guards even with authentication off. */
    static boolean isAdminRoute(HttpServletRequest request) {
        return under(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()),
                "/api/admin");
    }

    /** Whether the path is a WebSocket handshake, where a key may also come as {@code ?api_key=}. */
    static boolean isWebSocket(HttpServletRequest request) {
        return under(request.getServletPath(), "/ws");
    }

    private static boolean isPublic(String path) {
        return under(path, "/actuator/health") || under(path, "/openapi.json") || path.equals("/docs")
                || path.equals("/docs/") || under(path, "/swagger-ui") || under(path, "/dashboard");
    }

    /** The path is {@code prefix} itself or lies below it. */
    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
