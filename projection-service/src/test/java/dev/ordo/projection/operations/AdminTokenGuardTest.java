package dev.ordo.projection.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdminTokenGuardTest {

    private static final String TOKEN = "projection-admin-token";

    @Test
    void with_authentication_on_the_admin_routes_and_the_actuator_need_the_admin_token_but_health_does_not()
            throws Exception {
        AdminTokenGuard guard = new AdminTokenGuard(true, TOKEN);

        assertThat(answer(guard, "POST", "/admin/rebuild", null).getStatus()).isEqualTo(401);
        assertThat(answer(guard, "GET", "/admin/parked-events", "Bearer wrong").getStatus()).isEqualTo(401);
        assertThat(answer(guard, "GET", "/actuator/prometheus", null).getStatus()).isEqualTo(401);
        assertThat(answer(guard, "GET", "/admin/parked-events", "Bearer " + TOKEN).getStatus()).isEqualTo(200);
        assertThat(answer(guard, "GET", "/actuator/prometheus", "bearer " + TOKEN).getStatus()).isEqualTo(200);
        assertThat(answer(guard, "GET", "/actuator/health/readiness", null).getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = answer(guard, "POST", "/admin/rebuild", null);
        assertThat(refused.getContentType()).isEqualTo("application/json");
        assertThat(refused.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"ordo-admin\"");
        assertThat(refused.getContentAsString()).isEqualTo("{\"detail\":\"Authentication required: send the admin"
                + " token as 'Authorization: Bearer <token>'\"}");
    }

    @Test
    void with_authentication_on_and_no_admin_token_configured_the_admin_routes_are_403() throws Exception {
        MockHttpServletResponse refused = answer(new AdminTokenGuard(true, ""), "POST", "/admin/rebuild", "Bearer x");

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("no admin token is configured");
    }

    @Test
    void with_authentication_off_every_request_passes() throws Exception {
        AdminTokenGuard guard = new AdminTokenGuard(false, TOKEN);

        assertThat(answer(guard, "POST", "/admin/rebuild", null).getStatus()).isEqualTo(200);
        assertThat(answer(guard, "GET", "/actuator/prometheus", null).getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse answer(AdminTokenGuard guard, String method, String path,
                                                  String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
