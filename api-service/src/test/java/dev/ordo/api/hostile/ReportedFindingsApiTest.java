package dev.ordo.api.hostile;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.wire.RecordLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The findings of the hostile-request survey (issue 12) that the API itself answers, each as the
 * case it was: a 500, a 503 a client would retry for ever, a value coerced, a problem located at a
 * character offset, or text silently changed. Tomcat's own answers are in {@link TomcatAnswersApiTest}.
 */
@ApiTest
class ReportedFindingsApiTest {

    private static final List<String> ID_ROUTES = List.of("GET /api/workflows/%s", "PATCH /api/workflows/%s",
            "DELETE /api/workflows/%s", "POST /api/workflows/%s/execute", "GET /api/workflows/%s/executions",
            "GET /api/workflows/%s/metrics", "GET /api/workflows/executions/%s", "GET /api/workflows/executions/%s/status",
            "POST /api/workflows/executions/%s/cancel");

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
    void a_whitespace_only_id_on_each_id_route_is_422_at_the_path_parameter() {
        for (String route : ID_ROUTES) {
            String[] methodAndPath = route.split(" ");
            HttpApi.Response refused = api.send(methodAndPath[0], String.format(methodAndPath[1], "%09"),
                    methodAndPath[0].equals("GET") || methodAndPath[0].equals("DELETE") ? null : "{}");

            assertThat(refused.status()).as(route + ": " + refused.brief()).isEqualTo(422);
            assertThat(refused.detail()).as(route).asList().singleElement().satisfies(problem ->
                    assertThat(OpenApiOperations.map(problem)).containsEntry("type", "uuid_parsing")
                            .extractingByKey("loc").asList().startsWith("path"));
        }
    }

    @Test
    void invalid_utf8_in_a_query_is_422_naming_the_parameter() {
        HttpApi.Response refused = api.get("/api/workflows/?skip=%ff");

        assertThat(refused.status()).as(refused.brief()).isEqualTo(422);
        assertThat(refused.detail()).isEqualTo(List.of(Map.of("loc", List.of("query", "skip"),
                "msg", "Query parameters should be valid percent-encoded UTF-8", "type", "query_encoding")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void input_variables_over_a_megabyte_are_413_naming_the_limit_not_503() {
        String workflowId = workspace.createWorkflow(chain("big-inputs", "a"));

        HttpApi.Response refused = api.post("/api/workflows/" + workflowId + "/execute",
                Map.of("input_variables", Map.of("blob", "x".repeat(1_200_000))));

        assertThat(refused.status()).as(refused.brief()).isEqualTo(413);
        assertThat((Map<String, Object>) refused.detail()).containsEntry("limit_bytes", RecordLimits.MAX_INPUT_VARIABLES_BYTES);
    }

    @Test
    void an_idempotency_key_over_255_characters_is_a_clear_400_or_past_the_header_limit_431_and_one_of_255_finds_its_execution() {
        String workflowId = workspace.createWorkflow(chain("keys", "a"));
        String execute = "/api/workflows/" + workflowId + "/execute";

        for (int length : List.of(256, 2_700, 7_000)) {
            HttpApi.Response refused = api.with("Idempotency-Key", "k".repeat(length)).post(execute, "{}");

            assertThat(refused.status()).as(length + ": " + refused.brief()).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("Idempotency-Key has " + length + " characters; at most 255 are accepted");
        }
        HttpApi keyed = api.with("Idempotency-Key", "k".repeat(255));
        HttpApi.Response first = keyed.post(execute, "{}");
        HttpApi.Response repeat = keyed.post(execute, "{}");
        assertThat(first.status()).as(first.brief()).isEqualTo(202);
        assertThat(repeat.json().get("execution_id")).isEqualTo(first.json().get("execution_id"));
        // over its own connection: Tomcat closes the connection after a 431, and a pooled one might be reused
        HostileClient.Answer pastTheHeaderLimit = new HostileClient(port).send(HostileCase.of("10,000-character key",
                "POST", execute, HostileCase.Expectation.HEADERS_TOO_LARGE).withHeader("Idempotency-Key", "k".repeat(10_000))
                .withHeader("X-Workspace-Slug", workspace.slug()).withJson("{}").overRawSocket());
        assertThat(pastTheHeaderLimit.status()).as(pastTheHeaderLimit.toString()).isEqualTo(431);
        assertThat(pastTheHeaderLimit.body()).contains("The request headers are too large: at most 8192");
    }

    @Test
    void a_number_for_is_required_is_refused_not_coerced_to_a_boolean() {
        for (String number : List.of("7", "1e40", "0", "1.0")) {
            HttpApi.Response refused = api.post("/api/workflows/", "{\"name\": \"flag-" + number + "\", \"steps\": ["
                    + "{\"name\": \"a\", \"step_order\": 1}], \"variables\": [{\"name\": \"v\", \"is_required\": "
                    + number + "}]}");

            assertThat(refused.status()).as(number + ": " + refused.brief()).isEqualTo(422);
            assertThat(refused.detail()).as(number).isEqualTo(List.of(Map.of("loc",
                    List.of("body", "variables", 0, "is_required"), "msg", "Input should be a valid boolean",
                    "type", "bool_type")));
        }
    }

    @Test
    void an_integer_too_large_for_its_field_is_reported_at_the_field() {
        HttpApi.Response refused = api.post("/api/workflows/", "{\"name\": \"overflow\", \"timeout_seconds\": "
                + "99999999999999999999, \"steps\": [{\"name\": \"a\", \"step_order\": 1}]}");
        HttpApi.Response inAStep = api.post("/api/workflows/", "{\"name\": \"overflow\", \"steps\": "
                + "[{\"name\": \"a\", \"step_order\": 2147483648}]}");

        assertThat(refused.status()).as(refused.brief()).isEqualTo(422);
        assertThat(refused.detail()).isEqualTo(List.of(Map.of("loc", List.of("body", "timeout_seconds"),
                "msg", "Input should be an integer from -2147483648 to 2147483647", "type", "int_parsing_size")));
        assertThat(inAStep.detail()).asList().singleElement().satisfies(problem -> assertThat(OpenApiOperations.map(problem))
                .containsEntry("loc", List.of("body", "steps", 0, "step_order")));
    }

    @Test
    void refused_bodies_are_explained_without_naming_the_parser_or_its_classes() {
        List<String> bodies = List.of("{\"name\": \"x\", \"steps\": [{\"name\": \"a\", \"step_order\": {}}]}",
                "{\"name\": \"x\", \"project_id\": \"not-a-uuid\"}", "{\"name\": [\"x\"]}", "{\"name\": \"x\", \"steps\": 7}",
                "{\"name\": \"x\", \"config\": []}", "[" + "[".repeat(10_000) + "]".repeat(10_000) + "]",
                "{\"name\": \"x\", \"steps\": [{\"name\": \"a\", \"step_order\": 1e40}]}", "{\"name\": \"x\",}");

        for (String body : bodies) {
            HttpApi.Response refused = api.post("/api/workflows/", body);

            assertThat(refused.status()).as(body).isEqualTo(422);
            assertThat(refused.text()).as(body).doesNotContainIgnoringCase("jackson").doesNotContain("`")
                    .doesNotContain("dev.ordo").doesNotContain("java.").doesNotContain("Exception");
        }
    }

    @Test
    void json_nested_ten_thousand_deep_is_422_at_the_body() {
        HttpApi.Response refused = api.post("/api/workflows/validate", "{\"name\": \"deep\", \"config\": "
                + "{\"k\":".repeat(10_000) + "{}" + "}".repeat(10_000) + "}");

        assertThat(refused.status()).as(refused.brief()).isEqualTo(422);
        assertThat(refused.detail()).asList().singleElement().satisfies(problem -> assertThat(OpenApiOperations.map(problem))
                .containsEntry("loc", List.of("body")).containsEntry("type", "json_too_complex"));
    }

    @Test
    void a_number_of_more_than_a_thousand_digits_is_422_at_the_body() {
        HttpApi.Response refused = api.post("/api/workflows/validate", "{\"name\": \"long\", \"timeout_seconds\": "
                + "9".repeat(1_001) + "}");

        assertThat(refused.status()).as(refused.brief()).isEqualTo(422);
        assertThat(refused.detail()).asList().singleElement().satisfies(problem -> assertThat(OpenApiOperations.map(problem))
                .containsEntry("loc", List.of("body")).containsEntry("type", "json_too_complex"));
    }

    @Test
    void lone_surrogates_are_refused_so_two_different_names_never_collide() {
        for (String name : List.of("a\\ud800b", "a\\udfffb")) {
            HttpApi.Response refused = api.post("/api/workflows/", "{\"name\": \"" + name
                    + "\", \"steps\": [{\"name\": \"a\", \"step_order\": 1}]}");

            assertThat(refused.status()).as(name + ": " + refused.brief()).isEqualTo(422);
            assertThat(refused.detail()).isEqualTo(List.of(Map.of("loc", List.of("body", "name"),
                    "msg", "String should not contain an unpaired surrogate (U+D800 to U+DFFF)",
                    "type", "string_unpaired_surrogate")));
        }
        HttpApi.Response paired = api.post("/api/workflows/", "{\"name\": \"rocket \\ud83d\\ude80\", \"steps\": "
                + "[{\"name\": \"a\", \"step_order\": 1}]}");
        assertThat(paired.status()).as(paired.brief()).isEqualTo(201);
        assertThat(api.get("/api/workflows/" + paired.json().get("id")).json()).containsEntry("name", "rocket \uD83D\uDE80");
    }

    @Test
    void a_nul_in_a_project_name_is_422_at_the_field() {
        HttpApi.Response refused = api.post("/api/workspaces/" + workspace.id() + "/projects",
                "{\"name\": \"a\\u0000b\", \"slug\": \"nul-project\"}");

        assertThat(refused.status()).as(refused.brief()).isEqualTo(422);
        assertThat(refused.detail()).asList().singleElement().satisfies(problem -> assertThat(OpenApiOperations.map(problem))
                .containsEntry("loc", List.of("body", "name")).containsEntry("type", "string_contains_nul"));
    }
}
