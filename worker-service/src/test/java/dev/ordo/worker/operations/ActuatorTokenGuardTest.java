package dev.ordo.worker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ActuatorTokenGuardTest {

    private static final String TOKEN = "worker-admin-token";

    @Test
    void with_authentication_on_the_actuator_but_health_needs_the_admin_token() throws Exception {
        ActuatorTokenGuard guard = new ActuatorTokenGuard(true, TOKEN);

        MockHttpServletResponse refused = answer(guard, "/actuator/prometheus", null);
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentType()).isEqualTo("application/json");
        assertThat(refused.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"ordo-admin\"");
        assertThat(answer(guard, "/actuator/info", "Bearer wrong").getStatus()).isEqualTo(401);
        assertThat(answer(guard, "/actuator/prometheus", "Bearer " + TOKEN).getStatus()).isEqualTo(200);
        assertThat(answer(guard, "/actuator/health", null).getStatus()).isEqualTo(200);
        assertThat(answer(guard, "/actuator/health/readiness", null).getStatus()).isEqualTo(200);
    }

    @Test
    void with_no_admin_token_configured_the_guarded_endpoints_are_403_and_with_authentication_off_all_pass()
            throws Exception {
        assertThat(answer(new ActuatorTokenGuard(true, ""), "/actuator/prometheus", "Bearer x").getStatus())
                .isEqualTo(403);
        assertThat(answer(new ActuatorTokenGuard(false, TOKEN), "/actuator/prometheus", null).getStatus())
                .isEqualTo(200);
    }

    private static MockHttpServletResponse answer(ActuatorTokenGuard guard, String path, String authorization)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
