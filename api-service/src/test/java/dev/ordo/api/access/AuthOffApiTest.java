package dev.ordo.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With authentication off (the default) and no admin token: everything is open, keys can be prepared. */
@ApiTest
class AuthOffApiTest {

    @LocalServerPort
    int port;

    @Test
    void keys_can_be_issued_listed_and_revoked_before_authentication_is_switched_on() {
        HttpApi api = new HttpApi(port);
        TestWorkspace workspace = TestWorkspace.create(api);

        HttpApi.Response issued = api.post("/api/admin/api-keys", Map.of("workspace_slug", workspace.slug(),
                "name", "prepared"));

        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        assertThat(issued.json()).containsEntry("workspace_id", workspace.id()).containsKey("key");
        assertThat(api.get("/api/admin/api-keys?workspace_id=" + workspace.id()).list()).hasSize(1);
        assertThat(api.delete("/api/admin/api-keys/" + issued.json().get("id")).status()).isEqualTo(200);
    }

    @Test
    void requests_without_a_key_reach_every_route_and_the_actuator_as_before() {
        HttpApi api = new HttpApi(port);

        assertThat(api.get("/api/workflows/").status()).isEqualTo(200);
        assertThat(api.get("/api/workspaces").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.get("/openapi.json").text()).doesNotContain("securitySchemes");
    }
}
