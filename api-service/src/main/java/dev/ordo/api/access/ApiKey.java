package dev.ordo.api.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** What is known of an API key besides its secret: listed by the admin routes, never with the key itself. */
@Schema(description = "An API key of one workspace, without its secret")
public record ApiKey(UUID id, UUID workspaceId, String name, Instant createdAt,
                     @Schema(description = "When the key stopped working; null while it works") Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
