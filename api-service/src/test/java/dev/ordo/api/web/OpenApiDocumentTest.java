package dev.ordo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks every operation of {@code /openapi.json}, so that a new route that lacks a tag, a request body
 * example or its error answers fails here without a new test.
 */
@ApiTest
@SuppressWarnings("unchecked")
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    @LocalServerPort
    int port;

    private Map<String, Object> document;

    @BeforeEach
    void readDocument() {
        HttpApi.Response answer = new HttpApi(port).get("/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
    }

    @Test
    void given_the_document_then_it_names_the_api_its_build_version_and_what_it_does() {
        Map<String, Object> info = (Map<String, Object>) document.get("info");

        assertThat(info.get("title")).isEqualTo(OpenApiDocument.TITLE);
        assertThat((String) info.get("version")).as("the Maven project version").matches("\\d+\\.\\d+.*");
        assertThat((String) info.get("description")).isNotBlank();
    }

    @Test
    void given_every_operation_then_its_path_and_query_parameters_are_snake_case_and_it_has_a_tag() {
        List<String> camelCase = new ArrayList<>();
        List<String> untagged = new ArrayList<>();
        forEachOperation((name, operation) -> {
            for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters",
                    List.of())) {
                boolean pathOrQuery = "path".equals(parameter.get("in")) || "query".equals(parameter.get("in"));
                if (pathOrQuery && !((String) parameter.get("name")).matches("[a-z0-9_]+")) {
                    camelCase.add(name + " " + parameter.get("name"));
                }
            }
            if (((List<String>) operation.getOrDefault("tags", List.of())).isEmpty()) {
                untagged.add(name);
            }
        });
        ((Map<String, Object>) document.get("paths")).keySet().forEach(template ->
                assertThat(template).as("path template").doesNotContainPattern("\\{[^}]*[A-Z][^}]*}"));

        assertThat(camelCase).as("parameters not in snake_case").isEmpty();
        assertThat(untagged).as("operations without a tag").isEmpty();
    }

    @Test
    void given_every_request_body_then_it_has_an_example() {
        List<String> withoutExample = new ArrayList<>();
        forEachOperation((name, operation) -> {
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body == null) {
                return;
            }
            ((Map<String, Map<String, Object>>) body.get("content")).forEach((type, media) -> {
                if (media.get("example") == null && media.get("examples") == null) {
                    withoutExample.add(name + " " + type);
                }
            });
        });

        assertThat(withoutExample).as("request bodies without an example").isEmpty();
    }

    @Test
    void given_every_operation_then_it_lists_its_error_answers_each_with_the_error_schema() {
        List<String> missing = new ArrayList<>();
        List<String> withoutSchema = new ArrayList<>();
        forEachOperation((name, operation) -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            List<String> expected = new ArrayList<>(List.of("401", "503"));
            boolean hasBody = operation.containsKey("requestBody");
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters",
                    List.of());
            if (hasBody) {
                expected.addAll(List.of("413", "415", "422"));
            }
            if (!parameters.isEmpty()) {
                expected.add("422");
            }
            if (parameters.stream().anyMatch(p -> "path".equals(p.get("in")))) {
                expected.add("404");
            }
            expected.stream().filter(status -> !responses.containsKey(status))
                    .forEach(status -> missing.add(name + " " + status));
            responses.forEach((status, response) -> {
                if (status.matches("[45]\\d\\d") && !refersToErrorBody(response)) {
                    withoutSchema.add(name + " " + status);
                }
            });
        });

        assertThat(missing).as("error answers not listed").isEmpty();
        assertThat(withoutSchema).as("error answers without the ErrorBody schema").isEmpty();
    }

    @Test
    void given_the_routes_that_admit_new_work_then_they_list_429() {
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) document
                .get("paths");
        for (String template : List.of("/api/workflows/{workflow_id}/execute",
                "/api/workflows/executions/{execution_id}/retry", "/api/workflows/executions/{execution_id}/rerun")) {
            Map<String, Object> responses = (Map<String, Object>) paths.get(template).get("post").get("responses");
            assertThat(responses).as(template).containsKey("429");
        }
    }

    private static boolean refersToErrorBody(Map<String, Object> response) {
        Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
        return content != null && !content.isEmpty() && content.values().stream().allMatch(media -> {
            Map<String, Object> schema = (Map<String, Object>) media.get("schema");
            return schema != null && "#/components/schemas/ErrorBody".equals(schema.get("$ref"));
        });
    }

    private void forEachOperation(java.util.function.BiConsumer<String, Map<String, Object>> visit) {
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((template, item) -> item.forEach(
                (method, operation) -> {
                    if (METHODS.contains(method)) {
                        visit.accept(method.toUpperCase() + " " + template, (Map<String, Object>) operation);
                    }
                }));
    }
}
