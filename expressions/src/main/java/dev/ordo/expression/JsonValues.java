package dev.ordo.expression;

import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what CEL evaluates to back into JSON-like values: longs, doubles, booleans and strings stay,
 * CEL's null becomes null, maps (keys as text) and lists are converted all the way down, anything
 * else (bytes, durations, timestamps, unsigned integers) becomes its text.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Object of(Object value) {
        if (value == null || value instanceof NullValue) {
            return null;
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, entry) -> converted.put(String.valueOf(key), of(entry)));
            return converted;
        } else if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(entry -> converted.add(of(entry)));
            return converted;
        } else if (value instanceof Double number && !Double.isFinite(number)) {
            return String.valueOf(number);
        } else if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return String.valueOf(value);
    }
}
