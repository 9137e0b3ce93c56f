package dev.ordo.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.HttpApi;
import dev.ordo.api.access.AdminClient.KeyedWorkspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With authentication on: which requests need what, and how a refusal reads. */
@AuthOnApiTest
class AuthenticationApiTest {

    private static final String UNKNOWN_KEY = "ordo_" + "0".repeat(32) + "_" + "A".repeat(43);

    @LocalServerPort
    int port;

    private AdminClient admin;
    private HttpApi anonymous;

    @BeforeEach
    void clients() {
        admin = AdminClient.on(port);
        anonymous = admin.anonymous();
    }

    @Test
    void a_request_without_a_key_is_401_json_with_a_bearer_challenge_on_every_api_route() throws Exception {
        for (String path : List.of("/api/workflows/", "/api/workflows/templates", "/api/workspaces",
                "/api/workflows/executions/stats", "/api/no-such-route", "/no-such-page", "/ws/stream")) {
            HttpResponse<String> response = raw(path, Map.of());

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Bearer realm=\"ordo\"");
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).as(path).startsWith("{\"detail\":\"Authentication required");
        }
        assertThat(anonymous.post("/api/workflows/", "{}").status()).isEqualTo(401);
    }

    @Test
    void a_malformed_unknown_or_wrong_key_is_401_invalid_token() throws Exception {
        KeyedWorkspace workspace = admin.workspaceWithKey();
        String wrongSecret = workspace.key().substring(0, workspace.key().length() - 4) + "AAAA";

        for (String key : List.of("not-a-key", UNKNOWN_KEY, wrongSecret, workspace.key() + "x")) {
            HttpResponse<String> response = raw("/api/workflows/", Map.of("Authorization", "Bearer " + key));

            assertThat(response.statusCode()).as(key).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(key)
                    .hasValue("Bearer realm=\"ordo\", error=\"invalid_token\"");
            assertThat(response.body()).as(key).isEqualTo("{\"detail\":\"Invalid or revoked API key\"}");
        }
    }

    @Test
    void a_key_is_taken_from_a_bearer_header_or_x_api_key_and_from_the_query_only_on_a_websocket_handshake() {
        KeyedWorkspace workspace = admin.workspaceWithKey();

        assertThat(anonymous.with("Authorization", "bearer " + workspace.key()).get("/api/workflows/").status())
                .isEqualTo(200);
        assertThat(anonymous.with("X-API-Key", workspace.key()).get("/api/workflows/").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/workflows/?api_key=" + workspace.key()).status()).isEqualTo(401);
        assertThat(anonymous.get("/ws/stream?api_key=" + workspace.key()).status()).isNotIn(401, 403);
        assertThat(anonymous.get("/ws/stream?api_key=" + UNKNOWN_KEY).status()).isEqualTo(401);
    }

    @Test
    void health_the_api_documents_and_the_dashboard_files_are_open_and_nothing_else() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/openapi.json", "/docs",
                "/swagger-ui/index.html", "/dashboard/", "/dashboard/app.js")) {
            assertThat(anonymous.get(path).status()).as(path).isNotIn(401, 403);
        }
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/openapi.json").status()).isEqualTo(200);
        assertThat(anonymous.get("/docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/openapi.json").text()).contains("\"securitySchemes\"", "\"X-API-Key\"");
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator", "/dashboard/../api/workflows",
                "/docs/../api/workflows", "/dashboardx")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void the_admin_token_guards_the_actuator_the_admin_routes_and_creating_workspaces_but_acts_in_no_workspace() {
        KeyedWorkspace workspace = admin.workspaceWithKey();
        HttpApi wrongAdmin = anonymous.with("Authorization", "Bearer not-the-admin-token");

        assertThat(admin.admin().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(workspace.api().get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(wrongAdmin.get("/api/admin/api-keys").status()).isEqualTo(401);
        assertThat(workspace.api().get("/api/admin/api-keys").json()).isEqualTo(Map.of("detail",
                "This route needs the admin token; an API key reaches only its own workspace's routes"));
        assertThat(workspace.api().post("/api/workspaces", Map.of("name", "Mine", "slug", "mine-" + workspace.slug()))
                .status()).isEqualTo(403);
        assertThat(anonymous.post("/api/workspaces", Map.of("name", "Mine", "slug", "anon-" + workspace.slug()))
                .status()).isEqualTo(401);
        assertThat(admin.admin().get("/api/workflows/").json()).isEqualTo(Map.of("detail",
                "The admin token acts in no workspace: this route needs an API key"));
    }

    private HttpResponse<String> raw(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
