package dev.ordo.api.workspaces;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The workspace API and how a request picks its workspace. */
@ApiTest
class WorkspacesApiTest {

    @LocalServerPort
    int port;

    private HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void a_created_workspace_has_a_default_project_and_can_be_listed_and_read() {
        TestWorkspace created = TestWorkspace.create(api);

        HttpApi.Response read = api.get("/api/workspaces/" + created.id());
        HttpApi.Response projects = api.get("/api/workspaces/" + created.id() + "/projects");

        assertThat(read.json()).containsEntry("slug", created.slug()).containsKeys("name", "created_at", "updated_at")
                .containsEntry("default_project_id", created.defaultProjectId());
        assertThat(projects.list()).singleElement().satisfies(project -> assertThat(map(project))
                .containsEntry("id", created.defaultProjectId()).containsEntry("is_default", true));
        assertThat(api.get("/api/workspaces").list()).anySatisfy(
                workspace -> assertThat(map(workspace)).containsEntry("id", created.id()));
    }

    @Test
    void a_taken_slug_is_409_and_a_malformed_slug_or_missing_name_is_422() {
        TestWorkspace created = TestWorkspace.create(api);

        assertThat(api.post("/api/workspaces", Map.of("name", "again", "slug", created.slug())).status()).isEqualTo(409);
        for (String slug : List.of("Upper", "two words", "-edge", "trailing-", "a--b", "ü", "", "x".repeat(65))) {
            assertThat(api.post("/api/workspaces/", Map.of("name", "n", "slug", slug)).status()).as(slug).isEqualTo(422);
        }
        assertThat(api.post("/api/workspaces/", Map.of("slug", "no-name")).status()).isEqualTo(422);
    }

    @Test
    void projects_are_created_per_workspace_with_their_own_slugs() {
        TestWorkspace workspace = TestWorkspace.create(api);
        String path = "/api/workspaces/" + workspace.id() + "/projects";

        HttpApi.Response billing = api.post(path, Map.of("name", "Billing", "slug", "billing"));

        assertThat(billing.status()).isEqualTo(201);
        assertThat(billing.json()).containsEntry("workspace_id", workspace.id()).containsEntry("is_default", false);
        assertThat(api.post(path, Map.of("name", "Again", "slug", "billing")).status()).isEqualTo(409);
        assertThat(api.get(path).list()).hasSize(2);
        assertThat(api.get("/api/workspaces/" + UUID.randomUUID() + "/projects").status()).isEqualTo(404);
    }

    @Test
    void an_unknown_or_malformed_workspace_is_404_by_id_and_422_on_its_own_route() {
        assertThat(api.get("/api/workspaces/" + UUID.randomUUID()).json()).isEqualTo(Map.of("detail", "Workspace not found"));
        assertThat(api.get("/api/workspaces/nope").status()).isEqualTo(422);
        for (HttpApi scoped : List.of(api.with("X-Workspace-Id", UUID.randomUUID().toString()),
                api.with("X-Workspace-Id", "not-a-uuid"), api.in("no-such-workspace"))) {
            HttpApi.Response response = scoped.get("/api/workflows/");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json()).isEqualTo(Map.of("detail", "Workspace not found"));
        }
        assertThat(api.get("/api/workflows/?workspace_id=not-a-uuid").status()).isEqualTo(404);
        assertThat(api.get("/api/workflows/?workspace_slug=no-such-workspace").status()).isEqualTo(404);
    }

    @Test
    void an_id_wins_over_a_slug_and_a_header_over_the_query() {
        TestWorkspace a = TestWorkspace.create(api);
        TestWorkspace b = TestWorkspace.create(api);
        a.createWorkflow(chain("only-in-a", "x"));

        assertThat(names(api.with("X-Workspace-Id", a.id()).with("X-Workspace-Slug", b.slug())
                .get("/api/workflows/"))).containsExactly("only-in-a");
        assertThat(names(api.with("X-Workspace-Slug", b.slug()).get("/api/workflows/?workspace_id=" + a.id())))
                .containsExactly("only-in-a");
        assertThat(names(api.with("X-Workspace-Id", b.id()).get("/api/workflows/?workspace_id=" + a.id()))).isEmpty();
        assertThat(names(api.with("X-Workspace-Slug", b.slug()).get("/api/workflows/?workspace_slug=" + a.slug())))
                .isEmpty();
        assertThat(names(api.get("/api/workflows/?workspace_slug=" + a.slug()))).containsExactly("only-in-a");
    }

    @Test
    void no_workspace_given_means_the_default_workspace_created_on_first_use() {
        HttpApi.Response list = api.get("/api/workflows/");

        assertThat(list.status()).isEqualTo(200);
        assertThat(api.get("/api/workspaces").list()).anySatisfy(
                workspace -> assertThat(map(workspace)).containsEntry("slug", "default"));
        assertThat(api.post("/api/workspaces", Map.of("name", "Default", "slug", "default")).status()).isEqualTo(409);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(HttpApi.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return ((List<Map<String, Object>>) list.json().get("items")).stream().map(item -> item.get("name")).toList();
    }
}
