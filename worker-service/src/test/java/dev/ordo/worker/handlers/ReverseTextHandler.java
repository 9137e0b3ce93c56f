package dev.ordo.worker.handlers;

import dev.ordo.contract.execution.StepTask;
import java.util.List;
import java.util.Map;

/**
 * A custom handler as a jar would bring it: listed in this module's test
 * {@code META-INF/services/dev.ordo.worker.handlers.StepHandler}, not a Spring bean.
 * {@code test_reverse} outputs {@code config.text} reversed.
 */
public class ReverseTextHandler implements StepHandler {

    @Override
    public String processingType() {
        return "test_reverse";
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        return config.get("text") instanceof String ? List.of() : List.of("config.text is required");
    }

    @Override
    public StepOutcome handle(StepTask task, HandlerContext context) {
        return StepOutcome.succeeded(Map.of("text", new StringBuilder((String) task.config().get("text")).reverse()
                .toString()));
    }
}
