package dev.ordo.expression;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON-like Java values (as a JSON codec produces them) into the values CEL evaluates:
 * every integer a {@code long}, every fraction a {@code double}, null CEL's null, maps and lists
 * converted all the way down.
 */
final class CelValues {

    private CelValues() {
    }

    static Object of(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        } else if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        } else if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, entry) -> converted.put(String.valueOf(key), of(entry)));
            return converted;
        } else if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(entry -> converted.add(of(entry)));
            return converted;
        } else if (value instanceof Long || value instanceof Double || value instanceof Boolean
                || value instanceof String) {
            return value;
        }
        return String.valueOf(value);
    }
}
