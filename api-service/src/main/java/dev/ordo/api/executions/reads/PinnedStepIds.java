package dev.ordo.api.executions.reads;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ordo.api.definitions.Workflow;
import dev.ordo.api.definitions.WorkflowRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The step ids of a workflow version, by step name. A stored version never changes, so they are
 * kept in memory once read (at most about 200,000 step ids, least recently used out first); a
 * version that is gone (its workflow deleted) has none.
 */
@Component
class PinnedStepIds {

    private record Version(UUID workflowId, int version) {
    }

    private final WorkflowRepository workflows;
    private final Cache<Version, Map<String, UUID>> cache = Caffeine.newBuilder()
            .maximumWeight(200_000)
            .weigher((Version version, Map<String, UUID> ids) -> Math.max(1, ids.size()))
            .build();

    PinnedStepIds(WorkflowRepository workflows) {
        this.workflows = workflows;
    }

    Map<String, UUID> of(UUID workspaceId, UUID workflowId, int version) {
        return cache.get(new Version(workflowId, version), key -> read(workspaceId, key));
    }

    private Map<String, UUID> read(UUID workspaceId, Version key) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        workflows.findVersion(workspaceId, key.workflowId(), key.version()).map(Workflow::document)
                .ifPresent(document -> document.steps().forEach(step -> ids.put(step.name(), step.id())));
        return Map.copyOf(ids);
    }
}
