package dev.ordo.api.access;

import dev.ordo.api.web.ErrorBody;
import dev.ordo.api.workspaces.WorkspaceGrant;
import dev.ordo.contract.wire.JsonCodec;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link AccessPolicy} to every request before any route or body reader sees it: a
 * refusal is answered as JSON {@code {"detail": ...}} (a 401 with {@code WWW-Authenticate}), and a
 * request made with an API key is confined to the key's workspace ({@link WorkspaceGrant}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AccessFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessFilter.class);

    private final AccessPolicy policy;

    AccessFilter(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AccessDecision decision;
        try {
            decision = policy.decide(request);
        } catch (DataAccessException e) {
            log.warn("API key not checked, the database is unavailable: {}", e.getMessage());
            decision = new AccessDecision.Refuse(HttpStatus.SERVICE_UNAVAILABLE,
                    "Database unavailable, try again shortly", null);
        }
        if (decision instanceof AccessDecision.Pass pass) {
            if (pass.workspaceId() != null) {
                WorkspaceGrant.confine(request, pass.workspaceId());
            }
            chain.doFilter(request, response);
        } else if (decision instanceof AccessDecision.Refuse refuse) {
            refuse(response, refuse);
        } else {
            throw new IllegalStateException("Unhandled access decision " + decision);
        }
    }

    private static void refuse(HttpServletResponse response, AccessDecision.Refuse refuse) throws IOException {
        if (refuse.challenge() != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, refuse.challenge());
        }
        response.setStatus(refuse.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JsonCodec.instance().encode(new ErrorBody(refuse.detail())));
    }
}
