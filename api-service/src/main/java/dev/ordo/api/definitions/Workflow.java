package dev.ordo.api.definitions;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A workflow's identity and descriptive fields with one version's document: the head version,
 * unless read as a historical version.
 */
public record Workflow(
        UUID id,
        UUID workspaceId,
        UUID projectId,
        String name,
        String description,
        int version,
        boolean isActive,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt,
        WorkflowDocument document) {

    Workflow withDescriptionFields(UUID newProjectId, String newName, String newDescription, boolean active,
                                   Map<String, Object> newMetadata, Instant now) {
        return new Workflow(id, workspaceId, newProjectId, newName, newDescription, version, active, newMetadata,
                createdAt, now, document);
    }

    Workflow withVersion(int newVersion, WorkflowDocument newDocument, Instant now) {
        return new Workflow(id, workspaceId, projectId, name, description, newVersion, isActive, metadata, createdAt,
                now, newDocument);
    }
}
