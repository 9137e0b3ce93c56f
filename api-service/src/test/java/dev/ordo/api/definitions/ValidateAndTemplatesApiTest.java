package dev.ordo.api.definitions;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.Bodies;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class ValidateAndTemplatesApiTest {

    @LocalServerPort
    int port;

    private TestWorkspace workspace;
    private HttpApi api;

    @BeforeEach
    void newWorkspace() {
        workspace = TestWorkspace.create(new HttpApi(port));
        api = workspace.api();
    }

    @Test
    void validate_answers_200_for_a_valid_definition_and_saves_nothing() {
        HttpApi.Response verdict = api.post("/api/workflows/validate", Bodies.seedWorkflow());

        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.json()).isEqualTo(Map.of("is_valid", true, "errors", List.of(), "warnings", List.of()));
        assertThat(api.get("/api/workflows/").json()).containsEntry("total", 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void validate_answers_200_with_missing_steps_for_an_empty_or_stepless_body() {
        for (String body : List.of("{}", "{\"steps\": []}", "{\"name\": \"x\", \"steps\": null}")) {
            HttpApi.Response verdict = api.post("/api/workflows/validate", body);
            assertThat(verdict.status()).as(body).isEqualTo(200);
            assertThat(verdict.json()).containsEntry("is_valid", false);
            assertThat((List<Map<String, Object>>) verdict.json().get("errors")).singleElement()
                    .satisfies(error -> assertThat(error).containsEntry("error_type", "MISSING_STEPS")
                            .containsEntry("step_name", null).containsEntry("step_id", null));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void validate_names_the_circle_and_the_step_to_blame() {
        HttpApi.Response verdict = api.post("/api/workflows/validate", Map.of("steps", List.of(
                Bodies.step("b", 1, List.of("a")), Bodies.step("a", 1, List.of("b")), Bodies.step("c", 1, List.of("c")),
                Map.of("name", "d", "step_type", "teleport", "step_order", 1))));

        List<Map<String, Object>> errors = (List<Map<String, Object>>) verdict.json().get("errors");
        assertThat(errors).extracting(error -> error.get("error_type")).containsExactly("SELF_DEPENDENCY",
                "CIRCULAR_DEPENDENCY", "INVALID_CONFIG");
        assertThat(errors.get(1)).containsEntry("step_name", "a")
                .containsEntry("details", Map.of("cycle", List.of("a", "b", "a")));
        assertThat(errors.get(2)).containsEntry("step_name", "d");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_handler_that_refuses_its_config_is_reported_as_invalid_config_on_the_step() {
        HttpApi.Response verdict = api.post("/api/workflows/validate", Map.of("name", "no url", "steps", List.of(
                Map.of("name", "call", "step_type", "task", "step_order", 1,
                        "config", Map.of("processing_type", "http_request")))));

        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.json()).containsEntry("is_valid", false);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) verdict.json().get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("error_type", "INVALID_CONFIG").containsEntry("step_name", "call");
            assertThat(String.valueOf(error.get("message"))).contains("config.url is required");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void templates_are_a_list_of_starters_that_validate_and_create() {
        HttpApi.Response templates = api.get("/api/workflows/templates");

        assertThat(templates.status()).isEqualTo(200);
        List<Map<String, Object>> all = (List<Map<String, Object>>) (List<?>) templates.list();
        assertThat(all).extracting(template -> template.get("id")).containsExactly("basic-sequence",
                "parallel-fan-out", "conditional-branches", "retry-policy", "http-pipeline");
        for (Map<String, Object> template : all) {
            assertThat(template).containsKeys("id", "name", "description", "steps", "variables");
            Map<String, Object> body = Map.of("name", template.get("name"), "steps", template.get("steps"),
                    "variables", template.get("variables"));
            assertThat(api.post("/api/workflows/validate", body).json()).as("%s", template.get("id"))
                    .containsEntry("is_valid", true).containsEntry("warnings", List.of());
            workspace.createWorkflow(body);
        }
    }

    @Test
    void literal_paths_are_not_taken_for_workflow_ids() {
        assertThat(api.get("/api/workflows/templates").status()).isEqualTo(200);
        assertThat(api.post("/api/workflows/validate", chain("x", "a")).status()).isEqualTo(200);
        assertThat(api.get("/api/workflows/validate").status()).isEqualTo(422);
        assertThat(api.delete("/api/workflows/templates").status()).isEqualTo(422);
    }
}
