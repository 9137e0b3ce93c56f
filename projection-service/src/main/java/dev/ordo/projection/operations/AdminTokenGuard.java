package dev.ordo.projection.operations;

import dev.ordo.contract.wire.JsonCodec;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With authentication on ({@code ORDO_AUTH_ENABLED}), the operator's routes ({@code /admin/**}: rebuild,
 * parked events) and every actuator endpoint but health need {@code Authorization: Bearer <ORDO_ADMIN_TOKEN>}:
 * none or a wrong one is 401, and while no admin token is configured they are 403. Refusals are JSON
 * {@code {"detail": ...}}. With authentication off every request passes, as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AdminTokenGuard extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final boolean enabled;
    private final byte[] tokenSha256;

    AdminTokenGuard(@Value("${ordo.auth.enabled:false}") boolean enabled,
                    @Value("${ordo.auth.admin-token:}") String adminToken) {
        this.enabled = enabled;
        this.tokenSha256 = adminToken == null || adminToken.isBlank() ? null : sha256(adminToken.trim());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean guarded = under(path, "/admin") || (under(path, "/actuator") && !under(path, "/actuator/health"));
        return !enabled || !guarded;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tokenSha256 == null) {
            refuse(response, HttpStatus.FORBIDDEN, "Admin routes are disabled: no admin token is configured"
                    + " (ORDO_ADMIN_TOKEN)");
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (bearer && MessageDigest.isEqual(sha256(authorization.substring(BEARER.length()).trim()), tokenSha256)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ordo-admin\"");
        refuse(response, HttpStatus.UNAUTHORIZED, bearer ? "Invalid admin token"
                : "Authentication required: send the admin token as 'Authorization: Bearer <token>'");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JsonCodec.instance().encode(Map.of("detail", detail)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
