package dev.ordo.api.access;

import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/** {@code ORDO_ADMIN_TOKEN}: whether one is configured, and whether a presented secret is it. */
@Component
class AdminToken {

    private final byte[] configuredSha256;

    AdminToken(AuthSettings settings) {
        this.configuredSha256 = settings.hasAdminToken() ? KeyMaterial.sha256(settings.adminToken().trim()) : null;
    }

    boolean configured() {
        return configuredSha256 != null;
    }

    /** Compared as digests, so the time taken depends neither on the token's length nor on where they differ. */
    boolean matches(String presented) {
        return configured() && MessageDigest.isEqual(KeyMaterial.sha256(presented), configuredSha256);
    }
}
