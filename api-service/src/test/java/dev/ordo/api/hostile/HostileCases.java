package dev.ordo.api.hostile;

import static dev.ordo.api.hostile.HostileCase.Expectation.HEADERS_TOO_LARGE;
import static dev.ordo.api.hostile.HostileCase.Expectation.PAYLOAD_TOO_LARGE;
import static dev.ordo.api.hostile.HostileCase.Expectation.REFUSED;
import static dev.ordo.api.hostile.HostileCase.Expectation.SURVIVED;
import static dev.ordo.api.hostile.HostileCase.Expectation.URI_TOO_LONG;
import static dev.ordo.api.hostile.OpenApiOperations.map;

import dev.ordo.api.hostile.OpenApiOperations.Operation;
import dev.ordo.api.hostile.OpenApiOperations.Parameter;
import dev.ordo.api.hostile.SchemaValues.Hostile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every hostile request for one operation of {@code /openapi.json}: junk in each path id, each query
 * parameter and each header parameter; broken, oversized and deeply nested bodies; and each field of
 * the body (and of the objects in its lists) replaced in turn by every hostile value of its type.
 * Path parameters are filled with the ids of real objects ({@code ids}, by parameter name) so a
 * request gets past the lookup; a parameter without one gets a random id.
 */
final class HostileCases {

    /** Path ids as sent, already percent-encoded; none of them names an object, so each must be refused. */
    static final List<String> JUNK_IDS = List.of("%2F", "%00", "%5C", "%09", "%20%20", "%ff", "..%2f", "..%2F..%2F",
            "%2e%2e", "%252F", "%ED%A0%80", "not-a-uuid", "1%27%20OR%20%271%27%3D%271", "%E2%80%AE",
            "00000000-0000-0000-0000-000000000000", "x".repeat(5_000));

    /** Query values as sent; undecodable ones must be refused, the rest merely survived. */
    static final Map<String, HostileCase.Expectation> JUNK_QUERY_VALUES = junkQueryValues();

    static final List<String> MALFORMED_JSON = List.of("{", "{\"name\": }", "{\"a\": 1,}", "[1, 2", "nul",
            "{'name': 'x'}", "{\"name\": \"unterminated}", "{\"a\" 1}", "\u00ef\u00bb\u00bf{}x", "{}{}");

    private final OpenApiOperations openApi;
    private final Map<String, String> ids;
    private final int bodyLimit;

    HostileCases(OpenApiOperations openApi, Map<String, String> ids, int bodyLimit) {
        this.openApi = openApi;
        this.ids = ids;
        this.bodyLimit = bodyLimit;
    }

    List<HostileCase> of(Operation operation) {
        List<HostileCase> cases = new ArrayList<>();
        pathJunk(operation, cases);
        queryJunk(operation, cases);
        headerJunk(operation, cases);
        tomcatLimits(operation, cases);
        if (operation.hasBody()) {
            bodyJunk(operation, cases);
            fieldJunk(operation, cases);
        }
        return cases;
    }

    private void pathJunk(Operation operation, List<HostileCase> cases) {
        for (Parameter parameter : operation.in("path")) {
            for (String junk : JUNK_IDS) {
                HostileCase refused = HostileCase.of(operation + ": path " + parameter.name() + " = " + abbreviated(junk),
                        operation.method(), path(operation, Map.of(parameter.name(), junk)), REFUSED);
                cases.add(operation.hasBody() ? refused.withJson(Json.write(sampleBody(operation))) : refused);
            }
        }
    }

    private void queryJunk(Operation operation, List<HostileCase> cases) {
        List<String> names = new ArrayList<>(operation.in("query").stream().map(Parameter::name).toList());
        names.add("unknown_parameter");
        for (String name : names) {
            JUNK_QUERY_VALUES.forEach((junk, expectation) -> cases.add(withSampleBody(operation, HostileCase.of(
                    operation + ": query " + name + " = " + abbreviated(junk), operation.method(),
                    path(operation, Map.of()) + "?" + name + "=" + junk, expectation))));
        }
    }

    private void headerJunk(Operation operation, List<HostileCase> cases) {
        for (Parameter parameter : operation.in("header")) {
            Map<String, HostileCase.Expectation> values = new LinkedHashMap<>();
            values.put("k".repeat(10_000), REFUSED);
            values.put("k".repeat(256), REFUSED);
            values.put("k".repeat(255), SURVIVED);
            values.put("'; DROP TABLE api.command_outbox; --", SURVIVED);
            values.put("../../etc/passwd", SURVIVED);
            values.forEach((value, expectation) -> cases.add(withSampleBody(operation, HostileCase.of(
                    operation + ": header " + parameter.name() + " = " + abbreviated(value), operation.method(),
                    path(operation, Map.of()), expectation).withHeader(parameter.name(), value))));
        }
    }

    /** What Tomcat answers itself: over-long request lines and headers, control characters in headers, multipart junk. */
    private void tomcatLimits(Operation operation, List<HostileCase> cases) {
        String path = path(operation, Map.of());
        cases.add(HostileCase.of(operation + ": URL over 8 KB", operation.method(),
                path + "?pad=" + "u".repeat(9_000), URI_TOO_LONG));
        cases.add(HostileCase.of(operation + ": header over 8 KB", operation.method(), path, HEADERS_TOO_LARGE)
                .withHeader("X-Padding", "h".repeat(9_000)));
        cases.add(HostileCase.of(operation + ": control character in a header", operation.method(), path, REFUSED)
                .withHeader("X-Junk", "a\u0001b\u0007c").overRawSocket());
        cases.add(HostileCase.of(operation + ": raw % junk in the path", operation.method(), path + "%zz%", REFUSED)
                .overRawSocket());
        cases.add(HostileCase.of(operation + ": broken multipart body", operation.method(), path, SURVIVED)
                .withBody("multipart/form-data; boundary=hostile", "--hostile\r\nContent-Disposition: form-data"
                        .getBytes(StandardCharsets.US_ASCII)));
        cases.add(HostileCase.of(operation + ": multipart without a boundary", operation.method(), path, SURVIVED)
                .withBody("multipart/form-data", "--x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    private void bodyJunk(Operation operation, List<HostileCase> cases) {
        String path = path(operation, Map.of());
        for (String malformed : MALFORMED_JSON) {
            cases.add(HostileCase.of(operation + ": malformed JSON " + malformed, operation.method(), path, REFUSED)
                    .withJson(malformed));
        }
        cases.add(HostileCase.of(operation + ": invalid UTF-8 in the body", operation.method(), path, REFUSED)
                .withBody("application/json", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff,
                        (byte) 0xfe, '"', '}'}));
        for (String root : List.of("[]", "\"x\"", "7", "true")) {
            cases.add(HostileCase.of(operation + ": a body of " + root, operation.method(), path, REFUSED).withJson(root));
        }
        cases.add(HostileCase.of(operation + ": arrays nested 10,000 deep", operation.method(), path, REFUSED)
                .withJson("[".repeat(10_000) + "]".repeat(10_000)));
        cases.add(HostileCase.of(operation + ": objects nested 10,000 deep", operation.method(), path, REFUSED)
                .withJson(Json.write(SchemaValues.nested(10_000))));
        cases.add(HostileCase.of(operation + ": body over the limit", operation.method(), path, PAYLOAD_TOO_LARGE)
                .withJson("{\"name\": \"" + "x".repeat(bodyLimit) + "\"}"));
        cases.add(HostileCase.of(operation + ": duplicate keys", operation.method(), path, SURVIVED)
                .withJson("{\"name\": \"a\", \"name\": \"b\"}"));
        cases.add(HostileCase.of(operation + ": JSON as text/plain", operation.method(), path, REFUSED)
                .withBody("text/plain", Json.write(sampleBody(operation)).getBytes(StandardCharsets.UTF_8)));
        cases.add(HostileCase.of(operation + ": JSON as form data", operation.method(), path, REFUSED)
                .withBody("application/x-www-form-urlencoded", "name=%ff&x=%00".getBytes(StandardCharsets.US_ASCII)));
    }

    /** Each field of the sample body, and each field of the first object in each of its lists, replaced in turn. */
    private void fieldJunk(Operation operation, List<HostileCase> cases) {
        Map<String, Object> schema = operation.bodySchema();
        Map<String, Object> body = sampleBody(operation);
        List<Object> required = OpenApiOperations.list(schema.get("required"));
        map(schema.get("properties")).forEach((field, property) -> {
            for (Hostile value : SchemaValues.hostile(openApi, map(property), required.contains(field))) {
                Map<String, Object> mutated = new LinkedHashMap<>(body);
                mutated.put(field, value.value());
                cases.add(bodyCase(operation, field + " = " + value.label(), mutated, value.expectation()));
            }
            Map<String, Object> items = openApi.resolve(map(map(property).get("items")));
            if (items.containsKey("properties") && body.get(field) instanceof List<?> list && !list.isEmpty()) {
                itemJunk(operation, body, field, items, cases);
            }
        });
    }

    private void itemJunk(Operation operation, Map<String, Object> body, String field, Map<String, Object> items,
                          List<HostileCase> cases) {
        List<Object> required = OpenApiOperations.list(items.get("required"));
        map(items.get("properties")).forEach((name, property) -> {
            for (Hostile value : SchemaValues.hostile(openApi, map(property), required.contains(name))) {
                Map<String, Object> item = new LinkedHashMap<>(map(((List<?>) body.get(field)).get(0)));
                item.put(name, value.value());
                Map<String, Object> mutated = new LinkedHashMap<>(body);
                mutated.put(field, List.of(item));
                cases.add(bodyCase(operation, field + "[0]." + name + " = " + value.label(), mutated, value.expectation()));
            }
        });
    }

    private HostileCase bodyCase(Operation operation, String label, Map<String, Object> body,
                                 HostileCase.Expectation expectation) {
        return HostileCase.of(operation + ": " + label, operation.method(), path(operation, Map.of()), expectation)
                .withJson(Json.write(body));
    }

    private HostileCase withSampleBody(Operation operation, HostileCase hostile) {
        return operation.hasBody() ? hostile.withJson(Json.write(sampleBody(operation))) : hostile;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sampleBody(Operation operation) {
        Object sample = SchemaValues.sample(openApi, operation.bodySchema());
        return sample instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    /** The operation's path with {@code junk} (as sent) for the named parameters and real ids for the others. */
    private String path(Operation operation, Map<String, String> junk) {
        String path = operation.path();
        for (Parameter parameter : operation.in("path")) {
            String value = junk.containsKey(parameter.name()) ? junk.get(parameter.name())
                    : ids.getOrDefault(parameter.name(), UUID.randomUUID().toString());
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path;
    }

    private static Map<String, HostileCase.Expectation> junkQueryValues() {
        Map<String, HostileCase.Expectation> values = new LinkedHashMap<>();
        for (String undecodable : List.of("%ff", "%zz", "%", "%e2%82", "%ED%A0%80", "%C0%AF")) {
            values.put(undecodable, REFUSED);
        }
        values.put("%00", REFUSED);
        for (String odd : List.of("-1", "1.5", "1e40", "99999999999999999999", "abc", "%27%20OR%201%3D1--", "",
                "true", "..%2F..%2Fetc", "%01%1b", "%E6%95%B0", "x".repeat(3_000))) {
            values.put(odd, SURVIVED);
        }
        return values;
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 20) + "...(" + text.length() + " chars)" : text;
    }
}
