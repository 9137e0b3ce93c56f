package dev.ordo.api.live;

import java.util.UUID;

/** Whose an execution is: what every message about it names. */
record ExecutionScope(UUID executionId, UUID workflowId, UUID workspaceId) {
}
