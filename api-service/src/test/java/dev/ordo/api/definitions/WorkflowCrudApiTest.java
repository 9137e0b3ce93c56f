package dev.ordo.api.definitions;

import static dev.ordo.api.Bodies.chain;
import static dev.ordo.api.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.Bodies;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.wire.JsonCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class WorkflowCrudApiTest {

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
    @SuppressWarnings("unchecked")
    void the_seed_example_creates_a_workflow_shaped_like_the_seed_response_field_for_field() {
        Map<String, Object> sent = JsonCodec.instance().decode(Bodies.seedWorkflow(), Map.class);

        HttpApi.Response created = api.post("/api/workflows/", Bodies.seedWorkflow());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Map<String, Object> body = created.json();
        assertThat(body).containsKeys("id", "workspace_id", "project_id", "name", "version", "is_active", "config",
                "timeout_seconds", "max_retries", "metadata", "created_at", "updated_at", "steps", "variables");
        assertThat(body).containsEntry("workspace_id", workspace.id())
                .containsEntry("project_id", workspace.defaultProjectId())
                .containsEntry("name", "Sequential Task").containsEntry("description", "A simple 3-step workflow")
                .containsEntry("version", 1).containsEntry("is_active", true).containsEntry("config", Map.of())
                .containsEntry("timeout_seconds", 3600).containsEntry("max_retries", 3)
                .containsEntry("metadata", Map.of("source", "docs/API.md"));
        assertThat((String) body.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) body.get("steps");
        List<Map<String, Object>> sentSteps = (List<Map<String, Object>>) sent.get("steps");
        assertThat(steps).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(steps.get(i)).containsAllEntriesOf(sentSteps.get(i))
                    .containsKeys("id", "workflow_id", "created_at", "updated_at")
                    .containsEntry("workflow_id", body.get("id"));
        }
        assertThat(steps.get(2)).containsEntry("max_retries", null);
        Map<String, Object> variable = ((List<Map<String, Object>>) body.get("variables")).get(0);
        assertThat(variable).containsAllEntriesOf(((List<Map<String, Object>>) sent.get("variables")).get(0))
                .containsKeys("id", "workflow_id", "default_value", "created_at", "updated_at");
    }

    @Test
    void create_answers_on_both_the_bare_and_the_slashed_path_without_redirect() {
        assertThat(api.post("/api/workflows", chain("bare", "a")).status()).isEqualTo(201);
        assertThat(api.post("/api/workflows/", chain("slashed", "a")).status()).isEqualTo(201);
        assertThat(api.get("/api/workflows").json().get("total")).isEqualTo(2);
        assertThat(api.get("/api/workflows/").json().get("total")).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void steps_come_back_in_step_order_then_name_and_include_steps_false_leaves_them_out() {
        Map<String, Object> body = with(chain("ordered", "z-first"), "steps", List.of(
                Bodies.step("c", 2, List.of("z-first")), Bodies.step("b", 2, List.of("z-first")),
                Bodies.step("z-first", 1, List.of())));
        String id = workspace.createWorkflow(body);

        List<Map<String, Object>> steps = (List<Map<String, Object>>) api.get("/api/workflows/" + id).json().get("steps");
        HttpApi.Response bare = api.get("/api/workflows/" + id + "?include_steps=false");

        assertThat(steps).extracting(step -> step.get("name")).containsExactly("z-first", "b", "c");
        assertThat(bare.json().get("steps")).isEqualTo(List.of());
        assertThat(bare.json().get("variables")).isEqualTo(List.of());
    }

    @Test
    void max_retries_zero_means_zero_and_defaults_apply_when_absent() {
        String zero = workspace.createWorkflow(with(chain("zero", "a"), "max_retries", 0));
        String defaults = workspace.createWorkflow(chain("defaults", "a"));

        assertThat(api.get("/api/workflows/" + zero).json()).containsEntry("max_retries", 0);
        assertThat(api.get("/api/workflows/" + defaults).json()).containsEntry("max_retries", 3)
                .containsEntry("timeout_seconds", 3600).containsEntry("metadata", Map.of());
    }

    @Test
    void meta_data_is_accepted_for_metadata() {
        String id = workspace.createWorkflow(with(chain("alias", "a"), "meta_data", Map.of("team", "ops")));

        assertThat(api.get("/api/workflows/" + id).json()).containsEntry("metadata", Map.of("team", "ops"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void list_pages_newest_first_with_total_and_filters_by_project_and_activity() {
        for (int i = 1; i <= 3; i++) {
            workspace.createWorkflow(chain("wf-" + i, "a"));
        }
        String inactive = workspace.createWorkflow(chain("wf-4", "a"));
        api.patch("/api/workflows/" + inactive, Map.of("is_active", false));

        HttpApi.Response page = api.get("/api/workflows/?skip=1&limit=2");
        HttpApi.Response active = api.get("/api/workflows/?is_active=true");
        HttpApi.Response inProject = api.get("/api/workflows/?project_id=" + workspace.defaultProjectId()
                + "&is_active=false");

        assertThat(page.json()).containsEntry("total", 4).containsEntry("skip", 1).containsEntry("limit", 2);
        assertThat((List<Map<String, Object>>) page.json().get("items")).extracting(item -> item.get("name"))
                .containsExactly("wf-3", "wf-2");
        assertThat(active.json()).containsEntry("total", 3).containsEntry("limit", 10);
        assertThat((List<Map<String, Object>>) inProject.json().get("items")).extracting(item -> item.get("name"))
                .containsExactly("wf-4");
    }

    @Test
    void delete_answers_deleted_and_the_workflow_is_gone_for_every_route() {
        String id = workspace.createWorkflow(chain("doomed", "a"));

        HttpApi.Response deleted = api.delete("/api/workflows/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json()).isEqualTo(Map.of("status", "deleted", "workflow_id", id));
        assertThat(api.get("/api/workflows/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/workflows/" + id).json()).isEqualTo(Map.of("detail", "Workflow not found"));
        assertThat(api.patch("/api/workflows/" + id, Map.of("name", "again")).status()).isEqualTo(404);
        assertThat(api.delete("/api/workflows/" + id).status()).isEqualTo(404);
        assertThat(workspace.createWorkflow(chain("doomed", "a"))).isNotEqualTo(id);
    }
}
