package dev.ordo.api.definitions;

import static dev.ordo.api.Bodies.chain;
import static dev.ordo.api.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Everything made in workspace A is, seen from workspace B, exactly as if it did not exist. */
@ApiTest
class CrossWorkspaceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void nothing_of_workspace_a_is_visible_or_usable_from_workspace_b_on_any_route() {
        ReadModelFixture.ensureTable(jdbc);
        TestWorkspace a = TestWorkspace.create(new HttpApi(port));
        TestWorkspace b = TestWorkspace.create(new HttpApi(port));
        String workflowId = a.createWorkflow(chain("secret", "a"));
        a.api().patch("/api/workflows/" + workflowId, Map.of("timeout_seconds", 60));
        String executionId = (String) a.api().post("/api/workflows/" + workflowId + "/execute", "{}").json()
                .get("execution_id");
        HttpApi seenFromB = b.api();
        String path = "/api/workflows/" + workflowId;
        Map<String, Object> notFound = Map.of("detail", "Workflow not found");

        assertThat(seenFromB.get("/api/workflows/").json()).containsEntry("total", 0);
        assertThat(seenFromB.get("/api/workflows/?project_id=" + a.defaultProjectId()).json()).containsEntry("total", 0);
        assertThat(seenFromB.get(path).json()).isEqualTo(notFound);
        assertThat(seenFromB.get(path + "?version=1").json()).isEqualTo(notFound);
        assertThat(seenFromB.get(path + "?include_steps=false").json()).isEqualTo(notFound);
        assertThat(seenFromB.patch(path, Map.of("name", "stolen")).json()).isEqualTo(notFound);
        assertThat(seenFromB.delete(path).json()).isEqualTo(notFound);
        assertThat(seenFromB.post(path + "/execute", "{}").json()).isEqualTo(notFound);
        for (String route : java.util.List.of("/status", "", "/timeline", "/events", "/state")) {
            assertThat(seenFromB.get("/api/workflows/executions/" + executionId + route).json()).as(route)
                    .isEqualTo(Map.of("detail", "Execution not found"));
        }
        for (String command : java.util.List.of("/cancel", "/retry", "/rerun")) {
            assertThat(seenFromB.post("/api/workflows/executions/" + executionId + command, "").json()).as(command)
                    .isEqualTo(Map.of("detail", "Execution not found"));
        }
        assertThat(seenFromB.get(path + "/executions").json()).isEqualTo(notFound);
        assertThat(seenFromB.get(path + "/metrics").json()).isEqualTo(notFound);
        assertThat(seenFromB.get("/api/workflows/executions/stats").json()).containsEntry("total_executions", 0);
        assertThat(seenFromB.post("/api/workflows/", with(chain("mine", "a"), "project_id", a.defaultProjectId()))
                .status()).isEqualTo(400);
        assertThat(seenFromB.post("/api/workflows/", chain("secret", "a")).status()).isEqualTo(201);

        assertThat(a.api().get(path).json()).containsEntry("name", "secret").containsEntry("version", 2);
        assertThat(a.api().get("/api/workflows/executions/" + executionId + "/status").status()).isEqualTo(200);
    }
}
