package dev.ordo.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input templates ({@code config.inputs}): values in which {@code ${...}} references are replaced
 * by what they refer to.
 *
 * <p>A string that is exactly one reference (blanks around it allowed) becomes the referenced
 * value with its type kept (a number stays a number, a map a map; absent becomes null). A string
 * with references among other text becomes a string, each reference written as its value's text
 * (absent as nothing). Maps and lists are resolved all the way down; other values stay as they are.
 * A malformed reference is left as written ({@link References#syntaxError} reports it).
 */
public final class Templates {

    private Templates() {
    }

    public static Object resolve(Object template, ExpressionScope scope) {
        if (template instanceof String text) {
            return resolveText(text, scope);
        } else if (template instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> resolved.put(String.valueOf(key), resolve(value, scope)));
            return resolved;
        } else if (template instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            list.forEach(value -> resolved.add(resolve(value, scope)));
            return resolved;
        }
        return template;
    }

    private static Object resolveText(String text, ExpressionScope scope) {
        List<Placeholder> placeholders = Placeholder.scan(text).placeholders();
        if (placeholders.isEmpty()) {
            return text;
        }
        Placeholder first = placeholders.get(0);
        if (placeholders.size() == 1 && text.trim().equals(first.source())) {
            return first.reference().resolve(scope);
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Placeholder placeholder : placeholders) {
            Object value = placeholder.reference().resolve(scope);
            out.append(text, copied, placeholder.start()).append(value == null ? "" : String.valueOf(value));
            copied = placeholder.end();
        }
        return out.append(text.substring(copied)).toString();
    }
}
