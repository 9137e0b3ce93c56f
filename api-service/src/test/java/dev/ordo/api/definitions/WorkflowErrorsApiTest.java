package dev.ordo.api.definitions;

import static dev.ordo.api.Bodies.chain;
import static dev.ordo.api.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.Bodies;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every refusal of the definition routes, in FastAPI's shapes. */
@ApiTest
class WorkflowErrorsApiTest {

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
    void a_wrong_json_type_is_422_located_at_the_field() {
        assertProblem(api.post("/api/workflows/", "{\"name\": \"x\", \"steps\": \"x\"}"),
                List.of("body", "steps"), "list_type");
        assertProblem(api.post("/api/workflows/", "{\"name\": \"x\", \"timeout_seconds\": \"abc\"}"),
                List.of("body", "timeout_seconds"), "int_parsing");
        assertProblem(api.post("/api/workflows/", "{\"name\": \"x\", \"steps\": [{\"name\": \"a\", \"max_retries\": 1.5}]}"),
                List.of("body", "steps", 0, "max_retries"), "int_from_float");
        assertProblem(api.post("/api/workflows/", "{\"name\": 42}"), List.of("body", "name"), "string_type");
        assertProblem(api.post("/api/workflows/", "{\"name\": \"x\", \"config\": [1]}"), List.of("body", "config"),
                "dict_type");
        assertProblem(api.post("/api/workflows/", "{\"name\": \"x\", \"steps\": [\"a\"]}"), List.of("body", "steps", 0),
                "model_attributes_type");
        assertProblem(api.post("/api/workflows/", "{\"name\": \"x\", \"project_id\": \"nope\"}"),
                List.of("body", "project_id"), "uuid_parsing");
        assertProblem(api.patch("/api/workflows/" + UUID.randomUUID(), "{\"is_active\": \"perhaps\"}"),
                List.of("body", "is_active"), "bool_parsing");
    }

    @Test
    void broken_json_missing_body_and_missing_fields_are_422() {
        assertProblem(api.post("/api/workflows/", "{\"name\": "), List.of("body", 9L), "json_invalid");
        assertProblem(api.send("POST", "/api/workflows/", null), List.of("body"), "missing");
        assertProblem(api.post("/api/workflows/", "{}"), List.of("body", "name"), "missing");
        assertProblem(api.post("/api/workflows/", "[]"), List.of("body"), "model_attributes_type");
        assertProblem(api.post("/api/workflows/", with(chain("x", "a"), "timeout_seconds", 0)),
                List.of("body", "timeout_seconds"), "greater_than_equal");
        assertProblem(api.post("/api/workflows/", with(chain("x", "a"), "max_retries", -1)),
                List.of("body", "max_retries"), "greater_than_equal");
        assertProblem(api.post("/api/workflows/", with(chain("x", "a"), "name", "n".repeat(256))),
                List.of("body", "name"), "string_length");
        assertProblem(api.post("/api/workflows/", with(chain("x", "a"), "variables", List.of(Map.of("name", "v",
                "data_type", "date")))), List.of("body", "variables", 0, "data_type"), "enum");
        assertProblem(api.post("/api/workflows/", "{\"name\": \"x\", \"steps\": [{\"step_order\": 1}]}"),
                List.of("body", "steps", 0, "name"), "missing");
    }

    @Test
    void list_parameters_out_of_range_or_of_the_wrong_type_are_422() {
        assertProblem(api.get("/api/workflows/?skip=-1"), List.of("query", "skip"), "greater_than_equal");
        assertProblem(api.get("/api/workflows/?limit=0"), List.of("query", "limit"), "greater_than_equal");
        assertProblem(api.get("/api/workflows/?limit=101"), List.of("query", "limit"), "less_than_equal");
        assertProblem(api.get("/api/workflows/?skip=abc"), List.of("query", "skip"), "int_parsing");
        assertProblem(api.get("/api/workflows/?is_active=perhaps"), List.of("query", "is_active"), "bool_parsing");
        assertProblem(api.get("/api/workflows/?project_id=nope"), List.of("query", "project_id"), "uuid_parsing");
        assertThat(api.get("/api/workflows/?limit=100").status()).isEqualTo(200);
    }

    @Test
    void a_workflow_id_that_is_no_uuid_is_422_on_every_id_route() {
        for (String method : List.of("GET", "PATCH", "DELETE")) {
            HttpApi.Response response = api.send(method, "/api/workflows/not-a-uuid", method.equals("PATCH") ? "{}" : null);
            assertProblem(response, List.of("path", "workflow_id"), "uuid_parsing");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_invalid_graph_is_400_with_message_errors_and_warnings() {
        Map<String, Object> body = with(chain("cyclic", "a"), "steps", List.of(Bodies.step("a", 1, List.of("b")),
                Bodies.step("b", 1, List.of("a")), Bodies.step("c", 2, List.of("missing"))));

        HttpApi.Response refused = api.post("/api/workflows/", body);

        assertThat(refused.status()).isEqualTo(400);
        Map<String, Object> detail = (Map<String, Object>) refused.detail();
        assertThat(detail).containsOnlyKeys("message", "errors", "warnings")
                .containsEntry("message", "Workflow validation failed");
        assertThat((List<Map<String, Object>>) detail.get("errors"))
                .extracting(error -> error.get("error_type"), error -> error.get("step_name"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MISSING_DEPENDENCY", "c"),
                        org.assertj.core.groups.Tuple.tuple("CIRCULAR_DEPENDENCY", "a"));
        assertThat(((List<Map<String, Object>>) detail.get("errors")).get(0))
                .containsOnlyKeys("step_id", "step_name", "error_type", "message", "details");
        assertThat(api.get("/api/workflows/").json()).containsEntry("total", 0);
    }

    @Test
    void a_name_taken_in_the_project_is_409_but_free_in_another_project() {
        workspace.createWorkflow(chain("twice", "a"));
        HttpApi.Response project = new HttpApi(port).post("/api/workspaces/" + workspace.id() + "/projects",
                Map.of("name", "Other", "slug", "other"));

        HttpApi.Response again = api.post("/api/workflows/", chain("twice", "a"));
        HttpApi.Response elsewhere = api.post("/api/workflows/", with(chain("twice", "a"), "project_id",
                project.json().get("id")));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).isEqualTo("A workflow named 'twice' already exists in this project");
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(elsewhere.json()).containsEntry("project_id", project.json().get("id"));
    }

    @Test
    void a_project_of_another_workspace_or_an_unknown_project_is_400() {
        TestWorkspace other = TestWorkspace.create(new HttpApi(port));

        HttpApi.Response foreign = api.post("/api/workflows/", with(chain("x", "a"), "project_id",
                other.defaultProjectId()));
        HttpApi.Response unknown = api.post("/api/workflows/", with(chain("x", "a"), "project_id",
                UUID.randomUUID().toString()));

        assertThat(foreign.status()).isEqualTo(400);
        assertThat((String) foreign.detail()).endsWith("does not belong to this workspace");
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void an_unknown_workflow_is_404_on_every_id_route() {
        String path = "/api/workflows/" + UUID.randomUUID();

        assertThat(api.get(path).json()).isEqualTo(Map.of("detail", "Workflow not found"));
        assertThat(api.patch(path, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(api.delete(path).status()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    private static void assertProblem(HttpApi.Response response, List<Object> loc, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        List<Map<String, Object>> detail = (List<Map<String, Object>>) response.detail();
        assertThat(detail).as(response.text()).anySatisfy(problem -> {
            assertThat(problem).containsOnlyKeys("loc", "msg", "type");
            assertThat(((List<Object>) problem.get("loc")).stream().map(WorkflowErrorsApiTest::plain).toList())
                    .isEqualTo(loc.stream().map(WorkflowErrorsApiTest::plain).toList());
            assertThat(problem.get("type")).isEqualTo(type);
        });
    }

    private static Object plain(Object locPart) {
        return locPart instanceof Number number ? (Object) number.longValue() : locPart;
    }
}
