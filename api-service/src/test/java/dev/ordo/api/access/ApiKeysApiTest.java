package dev.ordo.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.HttpApi;
import dev.ordo.api.access.AdminClient.KeyedWorkspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issuing, listing and revoking API keys through the admin routes, and what is kept of a key. */
@AuthOnApiTest
class ApiKeysApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private AdminClient admin;

    @BeforeEach
    void admin() {
        admin = AdminClient.on(port);
    }

    @Test
    void an_issued_key_is_shown_once_listed_without_its_secret_and_stored_only_as_a_digest() throws Exception {
        KeyedWorkspace workspace = admin.workspaceWithKey();

        HttpApi.Response listed = admin.admin().get("/api/admin/api-keys?workspace_id=" + workspace.id());
        Map<String, Object> row = jdbc.sql("SELECT * FROM api.api_keys WHERE id = ?")
                .param(UUID.fromString(workspace.keyId())).query().singleRow();

        assertThat(workspace.key()).matches("ordo_[0-9a-f]{32}_[A-Za-z0-9_-]{43}")
                .contains(workspace.keyId().replace("-", ""));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.list()).singleElement().satisfies(key -> assertThat(map(key))
                .containsEntry("id", workspace.keyId()).containsEntry("workspace_id", workspace.id())
                .containsEntry("revoked_at", null).containsKeys("name", "created_at").doesNotContainKey("key"));
        assertThat(listed.text()).doesNotContain(secretOf(workspace.key()));
        String secret = secretOf(workspace.key());
        assertThat((byte[]) row.get("secret_sha256")).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(row.values()).noneSatisfy(value -> assertThat(String.valueOf(value)).contains(secret));
        assertThat(workspace.api().get("/api/workflows/").status()).isEqualTo(200);
    }

    @Test
    void a_revoked_key_is_refused_on_its_next_request() {
        KeyedWorkspace workspace = admin.workspaceWithKey();
        assertThat(workspace.api().get("/api/workflows/").status()).isEqualTo(200);

        HttpApi.Response revoked = admin.admin().delete("/api/admin/api-keys/" + workspace.keyId());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json()).containsEntry("status", "revoked").containsEntry("key_id", workspace.keyId())
                .containsKey("revoked_at");
        HttpApi.Response refused = workspace.api().get("/api/workflows/");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json()).isEqualTo(Map.of("detail", "Invalid or revoked API key"));
        assertThat(admin.admin().get("/api/admin/api-keys?workspace_slug=" + workspace.slug()).list())
                .singleElement().satisfies(key -> assertThat(map(key).get("revoked_at")).isNotNull());
        assertThat(admin.admin().delete("/api/admin/api-keys/" + workspace.keyId()).status()).isEqualTo(200);
    }

    @Test
    void a_key_revoked_by_another_instance_is_refused_within_the_key_cache_time() {
        KeyedWorkspace workspace = admin.workspaceWithKey();
        assertThat(workspace.api().get("/api/workflows/").status()).isEqualTo(200);

        jdbc.sql("UPDATE api.api_keys SET revoked_at = now() WHERE id = ?").param(UUID.fromString(workspace.keyId()))
                .update();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> workspace.api().get("/api/workflows/").status() == 401);
    }

    @Test
    void keys_are_listed_per_workspace_or_all_together_and_each_workspace_may_hold_several() {
        KeyedWorkspace first = admin.workspaceWithKey();
        KeyedWorkspace second = admin.workspaceWithKey();
        String spare = (String) admin.issue(first.id(), "spare").get("id");

        List<Object> ofFirst = admin.admin().get("/api/admin/api-keys?workspace_id=" + first.id()).list();
        List<Object> all = admin.admin().get("/api/admin/api-keys").list();

        assertThat(ofFirst).extracting(key -> map(key).get("id")).containsExactly(first.keyId(), spare);
        assertThat(all).extracting(key -> map(key).get("id")).contains(first.keyId(), spare, second.keyId());
    }

    @Test
    void issuing_for_an_unknown_workspace_is_404_and_a_malformed_request_422() {
        HttpApi api = admin.admin();

        assertThat(api.post("/api/admin/api-keys", Map.of("workspace_id", UUID.randomUUID().toString(), "name", "x"))
                .json()).isEqualTo(Map.of("detail", "Workspace not found"));
        assertThat(api.post("/api/admin/api-keys", Map.of("workspace_slug", "no-such-slug", "name", "x")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/admin/api-keys", Map.of("name", "x")).status()).isEqualTo(422);
        assertThat(api.post("/api/admin/api-keys", Map.of("workspace_slug", "default")).status()).isEqualTo(422);
        assertThat(api.post("/api/admin/api-keys", Map.of("workspace_id", "nope", "name", "x")).status())
                .isEqualTo(422);
        assertThat(api.delete("/api/admin/api-keys/" + UUID.randomUUID()).json())
                .isEqualTo(Map.of("detail", "API key not found"));
        assertThat(api.get("/api/admin/api-keys?workspace_id=" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    /** What follows {@code ordo_<32 hex digits>_}; the secret itself may hold underscores. */
    private static String secretOf(String key) {
        return key.substring("ordo_".length() + 32 + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }
}
