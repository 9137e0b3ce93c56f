package dev.ordo.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RouteGuardTest {

    @Test
    void health_the_documents_and_the_dashboard_files_are_public() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/openapi.json", "/docs",
                "/docs/", "/swagger-ui/index.html", "/dashboard", "/dashboard/index.html"}) {
            assertThat(RouteGuard.of(get(path, path))).as(path).isEqualTo(RouteGuard.PUBLIC);
        }
    }

    @Test
    void admin_routes_workspace_creation_and_the_rest_of_the_actuator_need_the_admin_token() {
        assertThat(RouteGuard.of(get("/api/admin/api-keys", "/api/admin/api-keys"))).isEqualTo(RouteGuard.ADMIN);
        assertThat(RouteGuard.of(get("/actuator/prometheus", "/actuator/prometheus"))).isEqualTo(RouteGuard.ADMIN);
        assertThat(RouteGuard.of(get("/actuator/healthx", "/actuator/healthx"))).isEqualTo(RouteGuard.ADMIN);
        MockHttpServletRequest create = get("/api/workspaces/", "/api/workspaces/");
        create.setMethod("POST");
        assertThat(RouteGuard.of(create)).isEqualTo(RouteGuard.ADMIN);
        assertThat(RouteGuard.of(get("/api/workspaces", "/api/workspaces"))).isEqualTo(RouteGuard.ADMIN_OR_KEY);
        assertThat(RouteGuard.of(get("/api/workspaces/x/projects", "/api/workspaces/x/projects")))
                .isEqualTo(RouteGuard.ADMIN_OR_KEY);
    }

    @Test
    void every_other_path_needs_a_key_also_when_its_raw_form_only_looks_public() {
        for (String path : new String[] {"/api/workflows", "/ws/stream", "/", "/dashboardx", "/api/adminx"}) {
            assertThat(RouteGuard.of(get(path, path))).as(path).isEqualTo(RouteGuard.KEY);
        }
        assertThat(RouteGuard.of(get("/dashboard/../api/workflows", "/api/workflows"))).isEqualTo(RouteGuard.KEY);
        assertThat(RouteGuard.of(get("/api/workflows", "/dashboard/x"))).isEqualTo(RouteGuard.KEY);
    }

    /** A request whose raw URI is {@code raw} and whose path, as the container decoded and normalised it, is {@code path}. */
    private static MockHttpServletRequest get(String raw, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", raw);
        request.setServletPath(path);
        return request;
    }
}
