package dev.ordo.api.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ordo.api.definitions.Workflow;
import dev.ordo.api.definitions.WorkflowRepository;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The step ids of the workflow versions live messages name, by step name, kept once read (a stored
 * version never changes). A step of a version that is gone gets the id the REST reads derive for it.
 */
@Component
class StepIds {

    private record Version(UUID workflowId, int version) {
    }

    private final WorkflowRepository workflows;
    private final Cache<Version, Map<String, UUID>> cache = Caffeine.newBuilder().maximumSize(10_000).build();

    StepIds(WorkflowRepository workflows) {
        this.workflows = workflows;
    }

    /** Empty when the version is not known yet (the execution not projected). */
    Map<String, UUID> of(ExecutionScope scope, Integer version) {
        if (scope.workflowId() == null || scope.workspaceId() == null || version == null) {
            return Map.of();
        }
        return cache.get(new Version(scope.workflowId(), version), key -> read(scope.workspaceId(), key));
    }

    private Map<String, UUID> read(UUID workspaceId, Version key) {
        Map<String, UUID> ids = new HashMap<>();
        workflows.findVersion(workspaceId, key.workflowId(), key.version()).map(Workflow::document)
                .ifPresent(document -> document.steps().forEach(step -> ids.put(step.name(), step.id())));
        if (ids.isEmpty()) {
            return new DerivedIds(key);
        }
        return Map.copyOf(ids);
    }

    /** Like the REST reads: an id derived from workflow, version and name, stable across requests. */
    private static final class DerivedIds extends HashMap<String, UUID> {
        private final transient Version version;

        DerivedIds(Version version) {
            this.version = version;
        }

        @Override
        public UUID get(Object name) {
            return UUID.nameUUIDFromBytes((version.workflowId() + ":" + version.version() + ":" + name)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
