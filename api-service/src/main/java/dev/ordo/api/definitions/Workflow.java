package dev.ordo.api.definitions;

import java.time.Instant;
import java.util.UUID;

/** A workflow's identity and head version, with that version's document. */
public record Workflow(
        UUID id,
        UUID workspaceId,
        UUID projectId,
        String name,
        String description,
        int version,
        boolean isActive,
        Instant createdAt,
        Instant updatedAt,
        WorkflowDocument document) {
}
