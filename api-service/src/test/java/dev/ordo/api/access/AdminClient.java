package dev.ordo.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.HttpApi;
import java.util.Map;
import java.util.UUID;

/** The admin of an {@link AuthOnApiTest} service: makes workspaces and issues keys through the admin routes. */
public record AdminClient(HttpApi admin, HttpApi anonymous) {

    public static final String TOKEN = "test-admin-token-0123456789";

    /** A workspace of its own with a key, and a client that sends that key. */
    public record KeyedWorkspace(String id, String slug, String defaultProjectId, String keyId, String key,
                                 HttpApi api) {
    }

    public static AdminClient on(int port) {
        HttpApi anonymous = new HttpApi(port);
        return new AdminClient(anonymous.with("Authorization", "Bearer " + TOKEN), anonymous);
    }

    public KeyedWorkspace workspaceWithKey() {
        String slug = "k-" + UUID.randomUUID().toString().substring(0, 13);
        HttpApi.Response created = admin.post("/api/workspaces", Map.of("name", "Keyed " + slug, "slug", slug));
        assertThat(created.status()).as("create workspace: %s", created.text()).isEqualTo(201);
        String workspaceId = (String) created.json().get("id");
        Map<String, Object> key = issue(workspaceId, "key of " + slug);
        return new KeyedWorkspace(workspaceId, slug, (String) created.json().get("default_project_id"),
                (String) key.get("id"), (String) key.get("key"),
                anonymous.with("Authorization", "Bearer " + key.get("key")));
    }

    /** Issues a key for the workspace; the answer, key text included. */
    public Map<String, Object> issue(String workspaceId, String name) {
        HttpApi.Response issued = admin.post("/api/admin/api-keys", Map.of("workspace_id", workspaceId, "name", name));
        assertThat(issued.status()).as("issue key: %s", issued.text()).isEqualTo(201);
        return issued.json();
    }
}
