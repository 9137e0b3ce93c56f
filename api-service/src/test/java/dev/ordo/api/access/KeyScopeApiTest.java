package dev.ordo.api.access;

import static dev.ordo.api.Bodies.chain;
import static dev.ordo.api.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.HttpApi;
import dev.ordo.api.access.AdminClient.KeyedWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With authentication on, a key's workspace is the request's workspace, and the only one it reaches. */
@AuthOnApiTest
class KeyScopeApiTest {

    private static final Map<String, Object> WORKSPACE_NOT_FOUND = Map.of("detail", "Workspace not found");

    @LocalServerPort
    int port;

    private AdminClient admin;

    @BeforeEach
    void admin() {
        admin = AdminClient.on(port);
    }

    @Test
    void a_key_acts_in_its_own_workspace_without_naming_it_and_naming_another_is_an_unknown_workspace() {
        KeyedWorkspace mine = admin.workspaceWithKey();
        KeyedWorkspace other = admin.workspaceWithKey();
        HttpApi.Response created = mine.api().post("/api/workflows/", chain("mine", "a"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json()).containsEntry("workspace_id", mine.id());
        assertThat(mine.api().with("X-Workspace-Id", mine.id()).get("/api/workflows/").json()).containsEntry("total", 1);
        assertThat(mine.api().get("/api/workflows/?workspace_slug=" + mine.slug()).json()).containsEntry("total", 1);
        for (HttpApi naming : List.of(mine.api().with("X-Workspace-Id", other.id()),
                mine.api().with("X-Workspace-Slug", other.slug()), mine.api().in("default"))) {
            assertThat(naming.get("/api/workflows/").json()).isEqualTo(WORKSPACE_NOT_FOUND);
            assertThat(naming.post("/api/workflows/", chain("planted", "a")).json()).isEqualTo(WORKSPACE_NOT_FOUND);
        }
        assertThat(mine.api().get("/api/workflows/?workspace_id=" + other.id()).json()).isEqualTo(WORKSPACE_NOT_FOUND);
        assertThat(admin.anonymous().with("X-API-Key", other.key()).get("/api/workflows/").json())
                .containsEntry("total", 0);
    }

    @Test
    void the_workspace_list_shows_a_key_only_its_own_workspace_and_the_admin_every_one() {
        KeyedWorkspace mine = admin.workspaceWithKey();
        KeyedWorkspace other = admin.workspaceWithKey();

        assertThat(mine.api().get("/api/workspaces").list()).singleElement()
                .satisfies(workspace -> assertThat(map(workspace)).containsEntry("id", mine.id()));
        assertThat(mine.api().get("/api/workspaces/" + mine.id()).status()).isEqualTo(200);
        assertThat(mine.api().get("/api/workspaces/" + other.id()).json()).isEqualTo(WORKSPACE_NOT_FOUND);
        assertThat(mine.api().get("/api/workspaces/" + other.id() + "/projects").json()).isEqualTo(WORKSPACE_NOT_FOUND);
        assertThat(admin.admin().get("/api/workspaces").list()).extracting(workspace -> map(workspace).get("id"))
                .contains(mine.id(), other.id());
    }

    @Test
    void projects_and_workflows_are_created_only_inside_the_keys_workspace() {
        KeyedWorkspace mine = admin.workspaceWithKey();
        KeyedWorkspace other = admin.workspaceWithKey();
        Map<String, String> project = Map.of("name", "Billing", "slug", "billing");

        HttpApi.Response own = mine.api().post("/api/workspaces/" + mine.id() + "/projects", project);
        HttpApi.Response planted = mine.api().post("/api/workspaces/" + other.id() + "/projects", project);

        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json()).containsEntry("workspace_id", mine.id());
        assertThat(planted.json()).isEqualTo(WORKSPACE_NOT_FOUND);
        assertThat(mine.api().post("/api/workflows/", with(chain("planted", "a"), "project_id",
                other.defaultProjectId())).status()).isEqualTo(400);
        assertThat(admin.admin().get("/api/workspaces/" + other.id() + "/projects").list()).hasSize(1);
        assertThat(admin.anonymous().with("X-API-Key", other.key()).get("/api/workflows/").json())
                .containsEntry("total", 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }
}
