package dev.ordo.api.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ordo.auth.*}: whether every route outside the public ones needs an API key ({@code enabled},
 * off by default for local use), the admin token that guards the admin routes (empty: none), and how
 * long a key's stored row is reused before it is read again, which bounds how late a revocation
 * reaches another api-service instance.
 */
@ConfigurationProperties("ordo.auth")
public record AuthSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String adminToken,
        @DefaultValue("1s") Duration keyCacheFor) {

    public boolean hasAdminToken() {
        return adminToken != null && !adminToken.isBlank();
    }
}
