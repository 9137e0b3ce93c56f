package dev.ordo.api.workspaces;

import java.time.Instant;
import java.util.UUID;

/** A tenant. Everything a client creates belongs to exactly one workspace. */
public record Workspace(UUID id, String name, String slug, UUID defaultProjectId, Instant createdAt, Instant updatedAt) {

    public static final String DEFAULT_SLUG = "default";
}
