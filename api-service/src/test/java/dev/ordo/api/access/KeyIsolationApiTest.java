package dev.ordo.api.access;

import static dev.ordo.api.Bodies.chain;

import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.access.AdminClient.KeyedWorkspace;
import dev.ordo.api.workspaces.RouteIsolation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With authentication on, a second workspace's key reaches none of the first's objects on any route with an id. */
@AuthOnApiTest
class KeyIsolationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_second_workspaces_key_reaches_none_of_the_firsts_objects_on_any_route_with_an_id() {
        ReadModelFixture.ensureTable(jdbc);
        AdminClient admin = AdminClient.on(port);
        KeyedWorkspace owner = admin.workspaceWithKey();
        KeyedWorkspace intruder = admin.workspaceWithKey();
        HttpApi.Response created = owner.api().post("/api/workflows/", chain("guarded", "a", "b"));
        String workflowId = (String) created.json().get("id");
        String executionId = (String) owner.api().post("/api/workflows/" + workflowId + "/execute", "{}").json()
                .get("execution_id");
        String spareKeyId = (String) admin.issue(owner.id(), "spare, to be revoked by the probe").get("id");

        RouteIsolation.assertIsolated(RouteIsolation.routesWithIds(owner.api(), route -> true),
                Map.of("workflow_id", workflowId, "execution_id", executionId, "workspace_id", owner.id(),
                        "key_id", spareKeyId),
                route -> route.template().startsWith("/api/admin/") ? admin.admin() : owner.api(), intruder.api());
    }
}
