package dev.ordo.api.executions;

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
 * A start the engine refused (or could not even read) ends as {@code failed} with its reason: the
 * projection writes that row, possibly without workflow and workspace, and status, cancel and
 * delete read it as the finished execution it is.
 */
@ApiTest
class RejectedStartApiTest {

    private static final String UNREADABLE = "Expected a StartExecution, but the command could not be read";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestWorkspace workspace;
    private String workflowId;
    private String executionId;

    @BeforeEach
    void anAcceptedExecution() {
        ReadModelFixture.ensureTable(jdbc);
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = workspace.createWorkflow(chain("rejected", "a"));
        HttpApi.Response submitted = workspace.api().post("/api/workflows/" + workflowId + "/execute", "{}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        executionId = (String) submitted.json().get("execution_id");
    }

    @Test
    void a_start_the_engine_could_not_read_reads_failed_with_its_reason_in_the_submissions_workspace() {
        ReadModelFixture.rejected(jdbc, executionId, null, null, UNREADABLE);

        HttpApi.Response status = workspace.api().get("/api/workflows/executions/" + executionId + "/status");

        assertThat(status.status()).as(status.text()).isEqualTo(200);
        assertThat(status.json()).containsEntry("status", "failed").containsEntry("error_message", UNREADABLE)
                .containsEntry("workflow_id", workflowId).containsEntry("execution_id", executionId);
    }

    @Test
    void a_start_refused_for_its_definition_reads_failed_with_its_reason() {
        ReadModelFixture.rejected(jdbc, executionId, workflowId, workspace.id(), "The definition cannot run");

        assertThat(workspace.api().get("/api/workflows/executions/" + executionId + "/status").json())
                .containsEntry("status", "failed").containsEntry("error_message", "The definition cannot run");
    }

    @Test
    void a_rejected_start_without_workspace_stays_invisible_to_other_workspaces() {
        ReadModelFixture.rejected(jdbc, executionId, null, null, UNREADABLE);
        TestWorkspace other = TestWorkspace.create(new HttpApi(port));

        assertThat(other.api().get("/api/workflows/executions/" + executionId + "/status").status()).isEqualTo(404);
    }

    @Test
    void a_rejected_start_never_blocks_deleting_its_workflow() {
        ReadModelFixture.rejected(jdbc, executionId, null, null, UNREADABLE);

        HttpApi.Response deleted = workspace.api().delete("/api/workflows/" + workflowId);

        assertThat(deleted.json()).as(deleted.text()).isEqualTo(Map.of("status", "deleted", "workflow_id", workflowId));
    }

    @Test
    void cancelling_a_rejected_start_is_refused_as_finished() {
        ReadModelFixture.rejected(jdbc, executionId, null, null, UNREADABLE);

        HttpApi.Response cancel = workspace.api().post("/api/workflows/executions/" + executionId + "/cancel", "{}");

        assertThat(cancel.status()).as(cancel.text()).isEqualTo(409);
        assertThat(cancel.detail()).isEqualTo("Execution already finished with status failed");
    }
}
