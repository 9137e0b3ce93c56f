package dev.ordo.worker.handlers;

import dev.ordo.contract.execution.StepTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code data_transformation}: reshapes the input. {@code config.mapping} maps output fields to
 * dotted paths in the input ({@code {"total": "order.amount"}}); without a mapping the input passes
 * through. {@code config.uppercase} lists top-level string fields to upper-case. A path that
 * leads nowhere fails the step terminally: retrying cannot fix a mapping.
 */
@Component
class DataTransformationHandler implements StepHandler {

    @Override
    public String processingType() {
        return "data_transformation";
    }

    @Override
    public StepOutcome handle(StepTask task) {
        Map<String, Object> output = new LinkedHashMap<>(task.input());
        if (task.config().get("mapping") instanceof Map<?, ?> mapping) {
            output = new LinkedHashMap<>();
            for (Map.Entry<?, ?> field : mapping.entrySet()) {
                Object value = select(task.input(), String.valueOf(field.getValue()));
                if (value == null) {
                    return StepOutcome.failedTerminally("Input has no field at path '" + field.getValue() + "'");
                }
                output.put(String.valueOf(field.getKey()), value);
            }
        }
        if (task.config().get("uppercase") instanceof List<?> fields) {
            for (Object field : fields) {
                output.computeIfPresent(String.valueOf(field),
                        (key, value) -> value instanceof String text ? text.toUpperCase(java.util.Locale.ROOT) : value);
            }
        }
        return StepOutcome.succeeded(output);
    }

    private static Object select(Map<String, Object> input, String path) {
        Object current = input;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
