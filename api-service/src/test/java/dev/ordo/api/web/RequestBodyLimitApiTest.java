package dev.ordo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every route refuses a body above {@code ordo.http.max-body-size} (2 MiB by default) with a 413 in JSON. */
@ApiTest
class RequestBodyLimitApiTest {

    private static final int LIMIT = 2 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void a_body_above_the_limit_is_413_on_every_route() {
        TestWorkspace workspace = TestWorkspace.create(new HttpApi(port));
        String body = "{\"name\": \"" + "x".repeat(LIMIT) + "\"}";

        for (String path : List.of("/api/workflows/", "/api/workflows/validate", "/api/workspaces",
                "/api/workflows/" + UUID.randomUUID() + "/execute")) {
            HttpApi.Response refused = workspace.api().post(path, body);

            assertThat(refused.status()).as(path + ": " + refused.brief()).isEqualTo(413);
            assertThat((Map<String, Object>) refused.detail()).as(path)
                    .containsEntry("limit_bytes", LIMIT)
                    .containsEntry("message", "The request body takes " + body.length() + " bytes; at most " + LIMIT
                            + " bytes are accepted");
        }
        assertThat(workspace.api().patch("/api/workflows/" + UUID.randomUUID(), body).status()).isEqualTo(413);
    }
}
