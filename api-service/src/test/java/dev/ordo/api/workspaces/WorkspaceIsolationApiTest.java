package dev.ordo.api.workspaces;

import static dev.ordo.api.Bodies.chain;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With authentication off, a workspace named by header reaches none of another workspace's objects on
 * any route with an id. Left out: the workspace routes themselves (without authentication the caller
 * names any workspace it likes, there as in a header) and the admin routes (guarded by the admin token,
 * not by workspace).
 */
@ApiTest
class WorkspaceIsolationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_second_workspace_reaches_none_of_the_firsts_objects_on_any_route_with_an_id() {
        ReadModelFixture.ensureTable(jdbc);
        HttpApi api = new HttpApi(port);
        TestWorkspace owner = TestWorkspace.create(api);
        TestWorkspace intruder = TestWorkspace.create(api);
        String workflowId = owner.createWorkflow(chain("guarded", "a", "b"));
        String executionId = (String) owner.api().post("/api/workflows/" + workflowId + "/execute", "{}").json()
                .get("execution_id");

        RouteIsolation.assertIsolated(
                RouteIsolation.routesWithIds(api, route -> !route.template().startsWith("/api/admin/")
                        && !route.template().contains("{workspace_id}")),
                Map.of("workflow_id", workflowId, "execution_id", executionId),
                route -> owner.api(), intruder.api());
    }
}
