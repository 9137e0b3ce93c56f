package dev.ordo.expression;

import dev.ordo.contract.definition.HandlerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code data_transformation}: {@code mapping}, when given, maps output field names to non-empty
 * strings, each an input path or an expression over the input ({@link ValueExpressions}) that
 * parses; a text with a {@code ${...}} reference is resolved by the engine first, so its syntax is
 * judged only then. {@code uppercase}, when given, lists field names.
 */
public final class DataTransformationConfig implements HandlerConfig {

    public static final String DATA_TRANSFORMATION = "data_transformation";

    @Override
    public Set<String> processingTypes() {
        return Set.of(DATA_TRANSFORMATION);
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        List<String> problems = new ArrayList<>();
        Object mapping = config.get("mapping");
        if (mapping != null && !(mapping instanceof Map<?, ?> fields && fields.values().stream().allMatch(
                path -> path instanceof String text && !text.isBlank()))) {
            problems.add("config.mapping must map output field names to non-empty input paths");
        } else if (mapping instanceof Map<?, ?> fields) {
            fields.forEach((field, text) -> syntaxError((String) text).ifPresent(error -> problems.add(
                    "config.mapping." + field + " is not an input path or an expression: " + error)));
        }
        Object uppercase = config.get("uppercase");
        if (uppercase != null && !(uppercase instanceof List<?> names && names.stream().allMatch(String.class::isInstance))) {
            problems.add("config.uppercase must be a list of field names");
        }
        return problems;
    }

    private static Optional<String> syntaxError(String text) {
        return text.contains("${") ? Optional.empty() : ValueExpressions.syntaxError(text);
    }
}
