package dev.ordo.contract.definition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code default}: any config; the input becomes the output. */
public final class PassThroughConfig implements HandlerConfig {

    @Override
    public Set<String> processingTypes() {
        return Set.of(StepKind.DEFAULT_PROCESSING_TYPE);
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        return List.of();
    }
}
