package dev.ordo.contract.definition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code delay}: a durable timer the engine keeps, no worker handler. Its keys ({@code delay_ms} or
 * {@code delay_seconds}) are judged where the step is read as a {@link StepKind.Delay}, so no problem
 * is repeated here.
 */
public final class DelayConfig implements HandlerConfig {

    @Override
    public Set<String> processingTypes() {
        return Set.of(StepKind.DELAY_PROCESSING_TYPE);
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        return List.of();
    }
}
