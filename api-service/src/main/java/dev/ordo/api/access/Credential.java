package dev.ordo.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The secret a request presents: {@code Authorization: Bearer <secret>}, else {@code X-API-Key},
 * else, on a WebSocket handshake only (browsers cannot set its headers), {@code ?api_key=}.
 */
final class Credential {

    private static final String BEARER = "bearer ";

    private Credential() {
    }

    static Optional<String> of(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return present(authorization.substring(BEARER.length()));
        }
        Optional<String> header = present(request.getHeader("X-API-Key"));
        if (header.isPresent() || !RouteGuard.isWebSocket(request)) {
            return header;
        }
        return present(request.getParameter("api_key"));
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
