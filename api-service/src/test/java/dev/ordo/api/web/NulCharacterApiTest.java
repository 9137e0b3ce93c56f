package dev.ordo.api.web;

import static dev.ordo.api.Bodies.chain;
import static dev.ordo.api.Bodies.with;
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

/**
 * PostgreSQL stores NUL in neither text nor jsonb: a body holding it in any string, value or key, at
 * any depth and on any route, is refused with 422 naming the field, instead of failing with 500.
 */
@ApiTest
class NulCharacterApiTest {

    private static final String NUL = "a\0b";

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
    void a_nul_anywhere_in_a_new_workflow_is_422_naming_the_field() {
        Map<String, Object> valid = chain("nul", "a");
        assertNulAt(api.post("/api/workflows/", with(valid, "name", NUL)), "body", "name");
        assertNulAt(api.post("/api/workflows/", with(valid, "description", NUL)), "body", "description");
        assertNulAt(api.post("/api/workflows/", with(valid, "metadata", Map.of("owner", NUL))),
                "body", "metadata", "owner");
        assertNulKeyAt(api.post("/api/workflows/", with(valid, "metadata", Map.of(NUL, "x"))),
                "body", "metadata", "a\\u0000b");
        assertNulAt(api.post("/api/workflows/", with(valid, "config", Map.of("nested", List.of("ok", NUL)))),
                "body", "config", "nested", 1);
        assertNulAt(api.post("/api/workflows/", with(valid, "steps", List.of(with(Bodies.step(NUL, 1, List.of()),
                "config", Map.of())))), "body", "steps", 0, "name");
        assertNulAt(api.post("/api/workflows/", with(valid, "steps", List.of(with(Bodies.step("a", 1, List.of()),
                "config", Map.of("inputs", Map.of("x", NUL)))))), "body", "steps", 0, "config", "inputs", "x");
        assertNulAt(api.post("/api/workflows/", with(valid, "variables", List.of(Map.of("name", "v",
                "default_value", NUL)))), "body", "variables", 0, "default_value");
        assertThat(api.get("/api/workflows/").json()).containsEntry("total", 0);
    }

    @Test
    void a_nul_in_an_edit_a_validation_a_workspace_or_an_execution_is_422() {
        String workflowId = workspace.createWorkflow(chain("clean", "a"));

        assertNulAt(api.patch("/api/workflows/" + workflowId, Map.of("description", NUL)), "body", "description");
        assertNulKeyAt(api.post("/api/workflows/validate", with(chain("v", "a"), "config", Map.of(NUL, 1))),
                "body", "config", "a\\u0000b");
        assertNulAt(api.post("/api/workspaces", Map.of("name", NUL, "slug", "nul-slug")), "body", "name");
        assertNulAt(api.post("/api/workflows/" + workflowId + "/execute",
                Map.of("input_variables", Map.of("text", NUL))), "body", "input_variables", "text");
        assertNulKeyAt(api.post("/api/workflows/" + workflowId + "/execute",
                Map.of("input_variables", Map.of(NUL, "text"))), "body", "input_variables", "a\\u0000b");
        assertThat(api.get("/api/workflows/" + workflowId).json()).containsEntry("description", null);
    }

    @Test
    void a_nul_in_a_query_parameter_is_422_naming_it() {
        HttpApi unscoped = new HttpApi(port);

        assertNulAt(unscoped.get("/api/workflows/?workspace_slug=a%00b"), "query", "workspace_slug");
        assertNulAt(api.get("/api/workflows/?skip=0&project_id=a%00b"), "query", "project_id");
    }

    @Test
    void an_escaped_backslash_before_u0000_is_no_nul_and_passes() {
        HttpApi.Response created = api.post("/api/workflows/", with(chain("slash", "a"), "description", "\\u0000"));

        assertThat(created.status()).as(created.brief()).isEqualTo(201);
        assertThat(created.json()).containsEntry("description", "\\u0000");
    }

    private static void assertNulAt(HttpApi.Response refused, Object... loc) {
        assertRefused(refused, "String should not contain the NUL character (\\u0000)", loc);
    }

    /** A key holding NUL is named in loc with the escape in its place. */
    private static void assertNulKeyAt(HttpApi.Response refused, Object... loc) {
        assertRefused(refused, "Keys should not contain the NUL character (\\u0000)", loc);
    }

    private static void assertRefused(HttpApi.Response refused, String msg, Object... loc) {
        assertThat(refused.status()).as(refused.brief()).isEqualTo(422);
        assertThat(refused.detail()).as(refused.brief()).isEqualTo(List.of(Map.of("loc", List.of(loc),
                "msg", msg, "type", "string_contains_nul")));
    }
}
