package dev.ordo.api.executions.reads;

import dev.ordo.contract.definition.WorkflowSnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What an execution is, as opposed to where it stands ({@link ExecutionProgress}): fixed when it is
 * accepted or started, the same in every state of it.
 *
 * @param executionNumber from its submission; null for an execution api-service did not submit
 * @param rerunOf the execution this one runs again, or null
 * @param inputVariables the inputs it runs with (defaults applied), or null for a refused start
 * @param createdAt when api-service accepted it (else when it started)
 * @param definition the pinned definition, or null for a start the engine refused
 * @param stepIds the id of each step of the pinned version, by name; see {@link #stepId}
 */
public record ExecutionHeader(
        UUID id,
        UUID workflowId,
        Integer workflowVersion,
        UUID workspaceId,
        UUID projectId,
        Long executionNumber,
        UUID rerunOf,
        Map<String, Object> inputVariables,
        Instant createdAt,
        WorkflowSnapshot definition,
        Map<String, UUID> stepIds) {

    /**
     * The id the workflow version gave step {@code name}; when that version is gone (its workflow was
     * deleted), an id derived from workflow, version and name, stable across requests.
     */
    public UUID stepId(String name) {
        UUID id = stepIds.get(name);
        return id != null ? id : Ids.derived(workflowId + ":" + workflowVersion + ":" + name);
    }

    /** The id of this execution's record of step {@code name}: derived from both, stable. */
    public UUID stepExecutionId(String name) {
        return Ids.derived(id + ":" + name);
    }

    /** {@code {"rerun_of": id}} for a rerun, else empty. */
    public Map<String, Object> metadata() {
        return rerunOf == null ? Map.of() : Map.of("rerun_of", rerunOf.toString());
    }

    /** Whether the engine started it: a refused start has no definition. */
    public boolean hasDefinition() {
        return definition != null;
    }
}
