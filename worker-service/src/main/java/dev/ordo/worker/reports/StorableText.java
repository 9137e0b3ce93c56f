package dev.ordo.worker.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule for text that PostgreSQL cannot store, applied to everything a worker reports: U+0000
 * (NUL), which {@code text} and {@code jsonb} refuse, and a UTF-16 surrogate without its pair, which
 * has no UTF-8 form, are each replaced by U+FFFD REPLACEMENT CHARACTER. Every other character is
 * kept. The projection applies the same rule to what it stores, in case a report got past it.
 */
public final class StorableText {

    public static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** {@code text} with every unstorable character replaced; the same instance when there is none. */
    public static String of(String text) {
        if (text == null || isStorable(text)) {
            return text;
        }
        StringBuilder storable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                storable.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                storable.append(REPLACEMENT);
            } else {
                storable.append(c);
            }
        }
        return storable.toString();
    }

    /**
     * A copy of a JSON-like value (maps, lists, strings, numbers, booleans, null) with the rule
     * applied to every map key and every string, however deep. Maps keep their order; two keys that
     * become equal collapse into one, the later value winning. Other values are returned as they are.
     */
    public static Object within(Object value) {
        if (value instanceof String text) {
            return of(text);
        }
        if (value instanceof Map<?, ?> map) {
            return withinMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(within(element)));
            return copy;
        }
        return value;
    }

    /** {@link #within(Object)} for a step output. */
    public static Map<String, Object> withinMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, element) -> copy.put(of(String.valueOf(key)), within(element)));
        return copy;
    }

    private static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
