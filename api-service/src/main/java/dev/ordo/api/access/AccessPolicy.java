package dev.ordo.api.access;

import dev.ordo.api.access.AccessDecision.Refuse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides whether a request may reach its route. With authentication on, a route needs what its
 * {@link RouteGuard} says: an API key passes confined to its workspace, the admin token passes
 * unconfined where it is accepted. With authentication off every request passes, except that a
 * configured admin token still guards {@code /api/admin/**}.
 */
@Component
class AccessPolicy {

    private static final String CHALLENGE = "Bearer realm=\"ordo\"";
    private static final Refuse MISSING = new Refuse(HttpStatus.UNAUTHORIZED, "Authentication required: send an API"
            + " key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'", CHALLENGE);
    private static final Refuse INVALID = new Refuse(HttpStatus.UNAUTHORIZED, "Invalid or revoked API key",
            CHALLENGE + ", error=\"invalid_token\"");
    private static final Refuse NO_ADMIN_TOKEN = new Refuse(HttpStatus.FORBIDDEN,
            "Admin routes are disabled: no admin token is configured (ORDO_ADMIN_TOKEN)", null);
    private static final Refuse KEY_ON_ADMIN_ROUTE = new Refuse(HttpStatus.FORBIDDEN,
            "This route needs the admin token; an API key reaches only its own workspace's routes", null);
    private static final Refuse ADMIN_ON_KEY_ROUTE = new Refuse(HttpStatus.FORBIDDEN,
            "The admin token acts in no workspace: this route needs an API key", null);

    private final AuthSettings settings;
    private final AdminToken adminToken;
    private final ApiKeys keys;

    AccessPolicy(AuthSettings settings, AdminToken adminToken, ApiKeys keys) {
        this.settings = settings;
        this.adminToken = adminToken;
        this.keys = keys;
    }

    AccessDecision decide(HttpServletRequest request) {
        RouteGuard guard = guard(request);
        if (guard == RouteGuard.PUBLIC) {
            return AccessDecision.PASS;
        }
        if (guard == RouteGuard.ADMIN && !adminToken.configured()) {
            return NO_ADMIN_TOKEN;
        }
        Optional<String> credential = Credential.of(request);
        if (credential.isEmpty()) {
            return MISSING;
        }
        if (adminToken.matches(credential.get())) {
            return guard == RouteGuard.KEY ? ADMIN_ON_KEY_ROUTE : AccessDecision.PASS;
        }
        return keys.check(credential.get())
                .<AccessDecision>map(key -> guard == RouteGuard.ADMIN ? KEY_ON_ADMIN_ROUTE
                        : new AccessDecision.Pass(key.workspaceId()))
                .orElse(INVALID);
    }

    private RouteGuard guard(HttpServletRequest request) {
        if (settings.enabled()) {
            return RouteGuard.of(request);
        }
        return RouteGuard.isAdminRoute(request) && adminToken.configured() ? RouteGuard.ADMIN : RouteGuard.PUBLIC;
    }
}
