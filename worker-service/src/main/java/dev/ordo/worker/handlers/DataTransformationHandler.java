package dev.ordo.worker.handlers;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.expression.DataTransformationConfig;
import dev.ordo.expression.Evaluation;
import dev.ordo.expression.ValueExpressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code data_transformation}: reshapes the input (which holds what {@code config.inputs} resolved:
 * variables and earlier steps' outputs). {@code config.mapping} maps each output field to an input
 * path ({@code "order.amount"}) or an expression over the input ({@code "order.amount * 2"}), as
 * {@link ValueExpressions} reads them; without a mapping the input passes through.
 * {@code config.uppercase} lists top-level string fields of the output to upper-case. A path that
 * leads nowhere or an expression that fails fails the step terminally: retrying cannot fix a
 * mapping. Config rules: {@link DataTransformationConfig}.
 */
@Component
class DataTransformationHandler implements StepHandler {

    private final DataTransformationConfig rules = new DataTransformationConfig();

    @Override
    public String processingType() {
        return DataTransformationConfig.DATA_TRANSFORMATION;
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        return rules.problems(config);
    }

    @Override
    public StepOutcome handle(StepTask task, HandlerContext context) {
        Map<String, Object> output = new LinkedHashMap<>(task.input());
        if (task.config().get("mapping") instanceof Map<?, ?> mapping) {
            output = new LinkedHashMap<>();
            for (Map.Entry<?, ?> field : mapping.entrySet()) {
                Evaluation value = ValueExpressions.evaluate(String.valueOf(field.getValue()), task.input());
                if (value instanceof Evaluation.Failed failed) {
                    return StepOutcome.failedTerminally("config.mapping." + field.getKey() + ": " + failed.error());
                }
                output.put(String.valueOf(field.getKey()), ((Evaluation.Value) value).value());
            }
        }
        if (task.config().get("uppercase") instanceof List<?> fields) {
            for (Object field : fields) {
                output.computeIfPresent(String.valueOf(field),
                        (key, value) -> value instanceof String text ? text.toUpperCase(Locale.ROOT) : value);
            }
        }
        return StepOutcome.succeeded(output);
    }
}
