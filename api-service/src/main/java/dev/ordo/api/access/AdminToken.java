package dev.ordo.api.access;

import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code ORDO_ADMIN_TOKEN}: whether one is configured, and whether a presented secret is it. */
@Component
class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final int SHORTEST_ADVISED = 24;

    private final byte[] configuredSha256;

    AdminToken(AuthSettings settings) {
        this.configuredSha256 = settings.hasAdminToken() ? KeyMaterial.sha256(settings.adminToken().trim()) : null;
        if (settings.hasAdminToken() && settings.adminToken().trim().length() < SHORTEST_ADVISED) {
            log.warn("ORDO_ADMIN_TOKEN has fewer than {} characters; a long random token is advised",
                    SHORTEST_ADVISED);
        }
        if (settings.enabled() && !settings.hasAdminToken()) {
            log.warn("Authentication is on but ORDO_ADMIN_TOKEN is not set: the admin routes answer 403");
        }
    }

    boolean configured() {
        return configuredSha256 != null;
    }

    /** Compared as digests, so the time taken depends neither on the token's length nor on where they differ. */
    boolean matches(String presented) {
        return configured() && MessageDigest.isEqual(KeyMaterial.sha256(presented), configuredSha256);
    }
}
