package dev.ordo.api.definitions;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delete is refused while an execution is unfinished. The engine is off here, so an accepted
 * execution stays unseen by the projection until the test records what the projection would.
 */
@ApiTest
class DeleteWithActiveExecutionsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestWorkspace workspace;
    private String workflowId;

    @BeforeEach
    void aWorkflowWithOneAcceptedExecution() {
        ReadModelFixture.ensureTable(jdbc);
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = workspace.createWorkflow(chain("busy", "a"));
    }

    @Test
    void an_execution_accepted_but_not_yet_projected_counts_as_pending() {
        execute();

        HttpApi.Response refused = workspace.api().delete("/api/workflows/" + workflowId);

        assertThat(refused.status()).isEqualTo(409);
        assertThat((String) refused.detail()).startsWith("Workflow has pending or running executions");
        assertThat(workspace.api().get("/api/workflows/" + workflowId).status()).isEqualTo(200);
    }

    @Test
    void a_pending_or_running_execution_blocks_delete_and_a_finished_one_does_not() {
        String executionId = execute();

        for (String status : new String[] {"pending", "running"}) {
            ReadModelFixture.projected(jdbc, executionId, workflowId, workspace.id(), status);
            assertThat(workspace.api().delete("/api/workflows/" + workflowId).status()).as(status).isEqualTo(409);
        }
        ReadModelFixture.projected(jdbc, executionId, workflowId, workspace.id(), "completed");

        assertThat(workspace.api().delete("/api/workflows/" + workflowId).json())
                .isEqualTo(Map.of("status", "deleted", "workflow_id", workflowId));
        HttpApi.Response pastExecution = workspace.api().get("/api/workflows/executions/" + executionId + "/status");
        assertThat(pastExecution.status()).isEqualTo(200);
        assertThat(pastExecution.json()).containsEntry("status", "completed").containsEntry("workflow_id", workflowId);
    }

    @Test
    void executing_a_deleted_workflow_is_404() {
        workspace.api().delete("/api/workflows/" + workflowId);

        assertThat(workspace.api().post("/api/workflows/" + workflowId + "/execute", "{}").status()).isEqualTo(404);
    }

    private String execute() {
        HttpApi.Response submitted = workspace.api().post("/api/workflows/" + workflowId + "/execute", "{}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        return (String) submitted.json().get("execution_id");
    }
}
