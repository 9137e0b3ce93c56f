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

/** PATCH: what makes a new version, what changes in place, and every past version kept. */
@ApiTest
class WorkflowVersionsApiTest {

    @LocalServerPort
    int port;

    private TestWorkspace workspace;
    private HttpApi api;
    private String id;

    @BeforeEach
    void aWorkflowAtVersionOne() {
        workspace = TestWorkspace.create(new HttpApi(port));
        api = workspace.api();
        id = workspace.createWorkflow(chain("versioned", "fetch", "store"));
    }

    @Test
    void name_description_activity_and_metadata_change_in_place() {
        HttpApi.Response patched = api.patch("/api/workflows/" + id, Map.of("name", "renamed", "description", "now",
                "is_active", false, "metadata", Map.of("owner", "ops")));

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json()).containsEntry("version", 1).containsEntry("name", "renamed")
                .containsEntry("description", "now").containsEntry("is_active", false)
                .containsEntry("metadata", Map.of("owner", "ops"));
        assertThat(api.get("/api/workflows/" + id).json()).containsEntry("name", "renamed").containsEntry("version", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_executable_part_makes_a_new_version_and_earlier_versions_stay_readable() {
        List<Map<String, Object>> patches = List.of(Map.of("config", Map.of("error_handling", "continue_on_error")),
                Map.of("timeout_seconds", 60), Map.of("max_retries", 0),
                Map.of("variables", List.of(Map.of("name", "input", "data_type", "json"))),
                Map.of("steps", chain("x", "fetch", "store", "notify").get("steps")));

        for (int i = 0; i < patches.size(); i++) {
            HttpApi.Response patched = api.patch("/api/workflows/" + id, patches.get(i));
            assertThat(patched.json()).as(patched.text()).containsEntry("version", i + 2);
        }

        HttpApi.Response first = api.get("/api/workflows/" + id + "?version=1");
        assertThat(first.json()).containsEntry("version", 1).containsEntry("timeout_seconds", 3600)
                .containsEntry("max_retries", 3).containsEntry("config", Map.of());
        assertThat((List<Object>) first.json().get("steps")).hasSize(2);
        assertThat(api.get("/api/workflows/" + id + "?version=3").json()).containsEntry("timeout_seconds", 60)
                .containsEntry("max_retries", 3);
        assertThat((List<Object>) api.get("/api/workflows/" + id).json().get("steps")).hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sending_the_same_steps_again_makes_no_version_and_kept_steps_keep_their_ids() {
        Map<String, Object> before = api.get("/api/workflows/" + id).json();

        HttpApi.Response same = api.patch("/api/workflows/" + id, Map.of("steps", chain("x", "fetch", "store").get("steps")));
        HttpApi.Response grown = api.patch("/api/workflows/" + id,
                Map.of("steps", chain("x", "fetch", "store", "audit").get("steps")));

        assertThat(same.json()).containsEntry("version", 1);
        assertThat(grown.json()).containsEntry("version", 2);
        List<Object> idsBefore = ((List<Map<String, Object>>) before.get("steps")).stream().map(s -> s.get("id")).toList();
        List<Object> idsAfter = ((List<Map<String, Object>>) grown.json().get("steps")).stream().map(s -> s.get("id")).toList();
        assertThat(idsAfter.subList(0, 2)).isEqualTo(idsBefore);
    }

    @Test
    void replaced_steps_are_validated_again_and_an_invalid_graph_changes_nothing() {
        HttpApi.Response refused = api.patch("/api/workflows/" + id, Map.of("steps", List.of(
                Bodies.step("a", 1, List.of("b")), Bodies.step("b", 1, List.of("a")))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("message", "Workflow validation failed");
        assertThat(api.get("/api/workflows/" + id).json()).containsEntry("version", 1);
    }

    @Test
    void an_unknown_version_is_404_and_version_zero_is_422() {
        assertThat(api.get("/api/workflows/" + id + "?version=7").json())
                .isEqualTo(Map.of("detail", "Workflow version 7 not found"));
        assertThat(api.get("/api/workflows/" + id + "?version=0").status()).isEqualTo(422);
    }

    @Test
    void a_rename_onto_a_taken_name_is_409_and_a_foreign_project_is_400() {
        workspace.createWorkflow(chain("taken", "a"));
        TestWorkspace other = TestWorkspace.create(new HttpApi(port));

        assertThat(api.patch("/api/workflows/" + id, Map.of("name", "taken")).status()).isEqualTo(409);
        assertThat(api.patch("/api/workflows/" + id, Map.of("project_id", other.defaultProjectId())).status())
                .isEqualTo(400);
        assertThat(api.patch("/api/workflows/" + id, Map.of("name", " ")).status()).isEqualTo(422);
    }
}
