package dev.ordo.api.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operations {@code /openapi.json} describes: method, path template, parameters and the JSON
 * body's schema, with every {@code $ref} resolved, so that cases can be generated for routes no test
 * names.
 */
final class OpenApiOperations {

    record Parameter(String name, String in, Map<String, Object> schema, boolean required) {
    }

    record Operation(String method, String path, List<Parameter> parameters, Map<String, Object> bodySchema) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }

        boolean hasBody() {
            return bodySchema != null;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> document;

    OpenApiOperations(Map<String, Object> document) {
        this.document = document;
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                operations.add(operation(method.toUpperCase(java.util.Locale.ROOT), path, map(operation)));
            }
        }));
        return operations;
    }

    private Operation operation(String method, String path, Map<String, Object> operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (Object each : list(operation.get("parameters"))) {
            Map<String, Object> parameter = map(each);
            parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                    resolve(map(parameter.get("schema"))), Boolean.TRUE.equals(parameter.get("required"))));
        }
        Map<String, Object> body = null;
        Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
        if (content.containsKey("application/json")) {
            body = resolve(map(map(content.get("application/json")).get("schema")));
        }
        return new Operation(method, path, List.copyOf(parameters), body);
    }

    /** The schema itself, or the component its {@code $ref} names. */
    Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (!(ref instanceof String name)) {
            return schema;
        }
        Map<String, Object> components = map(map(document.get("components")).get("schemas"));
        return resolve(map(components.get(name.substring(name.lastIndexOf('/') + 1))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> list ? List.copyOf(list) : List.of();
    }
}
