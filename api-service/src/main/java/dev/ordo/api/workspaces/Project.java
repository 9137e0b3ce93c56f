package dev.ordo.api.workspaces;

import java.time.Instant;
import java.util.UUID;

/** A grouping of workflows inside a workspace. Every workspace has one default project. */
public record Project(UUID id, UUID workspaceId, String name, String slug, boolean isDefault, Instant createdAt,
                      Instant updatedAt) {
}
