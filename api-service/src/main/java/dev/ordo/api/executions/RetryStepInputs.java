package dev.ordo.api.executions;

import dev.ordo.api.web.ApiException;
import dev.ordo.contract.wire.RecordLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The {@code step_inputs} of a retry: an object mapping step names to objects (400 otherwise), at
 * most {@link RecordLimits#MAX_RETRY_STEP_INPUTS_BYTES} encoded (413 otherwise). Which steps it may
 * name is decided against the execution by {@link ExecutionRetries}.
 */
final class RetryStepInputs {

    private RetryStepInputs() {
    }

    /** The inputs by step name; none for an absent or null {@code step_inputs}. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> parse(Object stepInputs) {
        if (stepInputs == null) {
            return Map.of();
        }
        if (!(stepInputs instanceof Map<?, ?> byStep)) {
            throw ApiException.badRequest("step_inputs must be an object mapping step names to objects, but it is "
                    + describe(stepInputs));
        }
        List<String> notObjects = byStep.entrySet().stream().filter(entry -> !(entry.getValue() instanceof Map))
                .map(entry -> "'" + entry.getKey() + "' is " + describe(entry.getValue())).toList();
        if (!notObjects.isEmpty()) {
            throw ApiException.badRequest("step_inputs must map each step name to an object, but "
                    + String.join(", ", notObjects));
        }
        Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
        byStep.forEach((name, input) -> inputs.put(String.valueOf(name), (Map<String, Object>) input));
        requireWithinLimit(inputs);
        return inputs;
    }

    private static void requireWithinLimit(Map<String, Map<String, Object>> inputs) {
        int size = RecordLimits.encodedSize(inputs);
        if (size > RecordLimits.MAX_RETRY_STEP_INPUTS_BYTES) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("message", "step_inputs take " + size + " bytes encoded as JSON; at most "
                    + RecordLimits.MAX_RETRY_STEP_INPUTS_BYTES + " bytes are accepted");
            detail.put("size_bytes", size);
            detail.put("limit_bytes", RecordLimits.MAX_RETRY_STEP_INPUTS_BYTES);
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, detail);
        }
    }

    static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return value instanceof List ? "an array" : "an object";
    }
}
