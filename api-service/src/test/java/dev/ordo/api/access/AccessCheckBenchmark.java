package dev.ordo.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.access.AdminClient.KeyedWorkspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What the access check adds to a request with authentication on: the time of one {@link AccessPolicy}
 * decision for a valid key whose row is cached (route guard, key parse, SHA-256, constant-time compare).
 * Not part of the build (its name matches no test pattern); run it with {@code ./mvnw -B -o -q -pl
 * api-service -am verify -Dtest=AccessCheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; the
 * figures are in its output file.
 */
@AuthOnApiTest
class AccessCheckBenchmark {

    private static final int WARM_UP = 200_000;
    private static final int SAMPLES = 1_000_000;

    @LocalServerPort
    int port;

    @Autowired
    AccessPolicy policy;

    @Test
    void one_access_decision_for_a_cached_valid_key() {
        KeyedWorkspace workspace = AdminClient.on(port).workspaceWithKey();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/workflows/");
        request.setServletPath("/api/workflows/");
        request.addHeader("Authorization", "Bearer " + workspace.key());
        assertThat(policy.decide(request)).isInstanceOf(AccessDecision.Pass.class);

        decide(request, WARM_UP);
        long started = System.nanoTime();
        int passed = decide(request, SAMPLES);
        double nanosPerDecision = (System.nanoTime() - started) / (double) SAMPLES;

        assertThat(passed).isEqualTo(SAMPLES);
        System.out.printf("access decision, cached valid key: %.0f ns each over %,d decisions%n", nanosPerDecision,
                SAMPLES);
    }

    private int decide(MockHttpServletRequest request, int times) {
        int passed = 0;
        for (int i = 0; i < times; i++) {
            if (policy.decide(request) instanceof AccessDecision.Pass) {
                passed++;
            }
        }
        return passed;
    }
}
