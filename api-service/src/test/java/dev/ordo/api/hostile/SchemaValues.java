package dev.ordo.api.hostile;

import static dev.ordo.api.hostile.HostileCase.Expectation.REFUSED;
import static dev.ordo.api.hostile.HostileCase.Expectation.SURVIVED;
import static dev.ordo.api.hostile.OpenApiOperations.list;
import static dev.ordo.api.hostile.OpenApiOperations.map;

import dev.ordo.api.hostile.HostileCase.Expectation;
import dev.ordo.api.hostile.Json.Literal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Values for a JSON schema: a plausible valid one ({@link #sample}), and the hostile ones
 * ({@link #hostile}) with what each deserves. A value of the wrong type, an enum value not listed, a
 * number no integer holds, and text PostgreSQL cannot store (NUL, lone surrogates) must be refused;
 * odd but legal text (control characters, SQL, path traversal, long strings) must merely not break
 * anything.
 */
final class SchemaValues {

    /** A value, a label for reports, and what the API owes a body that carries it. */
    record Hostile(String label, Object value, Expectation expectation) {
    }

    static final List<Hostile> ODD_STRINGS = List.of(
            new Hostile("control characters", "a\u0001\u0008\u001b[31m\u007fb", SURVIVED),
            new Hostile("line breaks and tabs", "line\r\nbreak\ttab", SURVIVED),
            new Hostile("SQL", "'; DROP TABLE api.workflows; --", SURVIVED),
            new Hostile("SQL tautology", "1' OR '1'='1", SURVIVED),
            new Hostile("path traversal", "../../../../etc/passwd", SURVIVED),
            new Hostile("backslash traversal", "..\\..\\windows\\win.ini", SURVIVED),
            new Hostile("unicode", "数据 ё \uD83D\uDE80 \u202Eevil\u202C \uFEFF", SURVIVED),
            new Hostile("empty", "", SURVIVED),
            new Hostile("whitespace", " \t ", SURVIVED),
            new Hostile("100,000 characters", "x".repeat(100_000), SURVIVED),
            new Hostile("template syntax", "${7*7} {{7*7}} #{7*7} %s%n", SURVIVED));

    static final List<Hostile> UNSTORABLE_STRINGS = List.of(
            new Hostile("NUL", "a\u0000b", REFUSED),
            new Hostile("lone high surrogate", "a\uD800b", REFUSED),
            new Hostile("lone low surrogate", "a\uDFFFb", REFUSED),
            new Hostile("reversed surrogate pair", "\uDE80\uD83D", REFUSED));

    private static final Literal HUGE = new Literal("1e40");
    private static final Literal BEYOND_LONG = new Literal("99999999999999999999");

    private SchemaValues() {
    }

    /**
     * A valid-looking value: the example, the default, the first enum value, the minimum, or a small one
     * of the type; an object gets its required fields and those whose value is not free text (which
     * could be an expression that must parse), or all fields when none is required.
     */
    static Object sample(OpenApiOperations openApi, Map<String, Object> schema) {
        Map<String, Object> resolved = openApi.resolve(schema);
        if (resolved.containsKey("example")) {
            return resolved.get("example");
        }
        if (resolved.containsKey("enum")) {
            return list(resolved.get("enum")).get(0);
        }
        if (resolved.containsKey("default")) {
            return resolved.get("default");
        }
        switch (type(resolved)) {
            case "string":
                return "uuid".equals(resolved.get("format")) ? null : "hostile-" + UUID.randomUUID().toString().substring(0, 8);
            case "integer":
            case "number":
                return resolved.containsKey("minimum") ? resolved.get("minimum") : 1;
            case "boolean":
                return true;
            case "array":
                Object item = sample(openApi, map(resolved.get("items")));
                return item instanceof Map<?, ?> ? List.of(item) : List.of();
            case "object":
                Map<String, Object> object = new LinkedHashMap<>();
                List<Object> required = list(resolved.get("required"));
                map(resolved.get("properties")).forEach((name, property) -> {
                    Map<String, Object> field = openApi.resolve(map(property));
                    boolean freeText = "string".equals(type(field)) && !field.containsKey("example")
                            && !field.containsKey("enum") && !field.containsKey("default");
                    boolean wanted = required.isEmpty() || required.contains(name) || !freeText;
                    Object value = sample(openApi, field);
                    if (wanted && value != null && !isBareObject(field)) {
                        object.put(name, value);
                    }
                });
                return object;
            default:
                return null;
        }
    }

    /** The hostile values for a field of this schema; {@code required} fields must also refuse null. */
    static List<Hostile> hostile(OpenApiOperations openApi, Map<String, Object> schema, boolean required) {
        Map<String, Object> resolved = openApi.resolve(schema);
        List<Hostile> values = new ArrayList<>();
        values.add(new Hostile("null", null, required ? REFUSED : SURVIVED));
        switch (type(resolved)) {
            case "string":
                values.addAll(wrongTypes(7, true, List.of("x"), Map.of("k", "v")));
                values.addAll(UNSTORABLE_STRINGS);
                if (resolved.containsKey("enum")) {
                    values.add(new Hostile("unknown enum value", "bogus-value", REFUSED));
                    values.add(new Hostile("enum value in upper case",
                            String.valueOf(list(resolved.get("enum")).get(0)).toUpperCase(java.util.Locale.ROOT), REFUSED));
                } else if ("uuid".equals(resolved.get("format"))) {
                    values.add(new Hostile("no uuid", "not-a-uuid", REFUSED));
                    values.add(new Hostile("SQL for a uuid", "' OR 1=1 --", REFUSED));
                    values.add(new Hostile("nil uuid", "00000000-0000-0000-0000-000000000000", SURVIVED));
                } else {
                    values.addAll(ODD_STRINGS);
                }
                break;
            case "integer":
                values.addAll(wrongTypes("seven", true, List.of(1), Map.of("k", 1)));
                values.add(new Hostile("fractional", 1.5, REFUSED));
                values.add(new Hostile("1e40", HUGE, REFUSED));
                values.add(new Hostile("beyond a long", BEYOND_LONG, REFUSED));
                values.add(new Hostile("below an int", new Literal("-2147483649"), REFUSED));
                values.add(new Hostile("negative", -1, SURVIVED));
                values.add(new Hostile("zero", 0, SURVIVED));
                values.add(new Hostile("largest int", Integer.MAX_VALUE, SURVIVED));
                values.add(new Hostile("digits in a string", "5", SURVIVED));
                break;
            case "number":
                values.addAll(wrongTypes("seven", true, List.of(1), Map.of("k", 1)));
                values.add(new Hostile("1e400", new Literal("1e400"), SURVIVED));
                values.add(new Hostile("negative", -1.5, SURVIVED));
                break;
            case "boolean":
                values.addAll(wrongTypes(7, List.of(true), Map.of("k", true)));
                values.add(new Hostile("1e40 for a boolean", HUGE, REFUSED));
                values.add(new Hostile("0 for a boolean", 0, REFUSED));
                values.add(new Hostile("1.0 for a boolean", 1.0, REFUSED));
                values.add(new Hostile("word for a boolean", "maybe", REFUSED));
                break;
            case "array":
                values.addAll(wrongTypes("x", 7, Map.of("k", "v")));
                values.add(new Hostile("null items", Collections.nCopies(3, null), SURVIVED));
                values.add(new Hostile("10,000 items", Collections.nCopies(10_000, "x"), SURVIVED));
                break;
            case "object":
                boolean bare = isBareObject(resolved);
                for (Hostile wrong : wrongTypes("x", 7, List.of(1))) {
                    values.add(bare ? new Hostile(wrong.label(), wrong.value(), SURVIVED) : wrong);
                }
                values.add(new Hostile("NUL in a key", Map.of("a\u0000b", 1), REFUSED));
                values.add(new Hostile("lone surrogate in a key", Map.of("a\uD800b", 1), REFUSED));
                values.add(new Hostile("SQL key", Map.of("'; DROP TABLE api.workflows; --", 1), SURVIVED));
                values.add(new Hostile("nested 100 deep", nested(100), SURVIVED));
                values.add(new Hostile("nested 10,000 deep", nested(10_000), REFUSED));
                break;
            default:
                break;
        }
        return values;
    }

    /** {@code {"k": {"k": ... {}}}} {@code depth} levels deep. */
    static Object nested(int depth) {
        return new Literal("{\"k\":".repeat(depth) + "{}" + "}".repeat(depth));
    }

    private static List<Hostile> wrongTypes(Object... values) {
        List<Hostile> wrong = new ArrayList<>();
        for (Object value : values) {
            wrong.add(new Hostile("wrong type " + Json.write(value), value, REFUSED));
        }
        return wrong;
    }

    /** An object whose values may be anything, which the schema generator shows as a bare {@code object}. */
    private static boolean isBareObject(Map<String, Object> schema) {
        return "object".equals(type(schema)) && !schema.containsKey("properties")
                && !(schema.get("additionalProperties") instanceof Map<?, ?>);
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(each -> !"null".equals(each)).findFirst().orElse("");
        }
        if (type == null && schema.containsKey("properties")) {
            return "object";
        }
        return type == null ? "" : (String) type;
    }
}
