package dev.ordo.api.executions;

import dev.ordo.contract.definition.WorkflowSnapshot;
import java.util.Map;
import java.util.UUID;

/**
 * What a new execution runs: a version of its workflow, pinned, with inputs already checked.
 *
 * @param rerunOf the execution it runs again, or null for a fresh start
 */
record PinnedStart(int workflowVersion, UUID projectId, WorkflowSnapshot definition, Map<String, Object> inputs,
                   UUID rerunOf) {
}
