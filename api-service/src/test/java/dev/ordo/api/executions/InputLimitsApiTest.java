package dev.ordo.api.executions;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.wire.RecordLimits;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inputs too large for a start record are refused at the door with 413, naming the limit and the size. */
@ApiTest
class InputLimitsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestWorkspace workspace;
    private String workflowId;

    @BeforeEach
    void aThreeStepWorkflow() {
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = workspace.createWorkflow(chain("inputs", "a", "b", "c"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void inputs_larger_than_the_limit_are_refused_with_413_and_nothing_is_accepted() {
        HttpApi.Response refused = execute("x".repeat(RecordLimits.MAX_INPUT_VARIABLES_BYTES));

        assertThat(refused.status()).as(refused.brief()).isEqualTo(413);
        Map<String, Object> detail = (Map<String, Object>) refused.detail();
        int size = ((Number) detail.get("size_bytes")).intValue();
        assertThat(size).isGreaterThan(RecordLimits.MAX_INPUT_VARIABLES_BYTES);
        assertThat(detail).containsEntry("limit_bytes", RecordLimits.MAX_INPUT_VARIABLES_BYTES)
                .containsEntry("message", "input_variables take " + size + " bytes encoded as JSON; at most "
                        + RecordLimits.MAX_INPUT_VARIABLES_BYTES + " bytes are accepted");
        assertThat(jdbc.sql("SELECT count(*) FROM api.execution_submissions WHERE workflow_id = ?::uuid")
                .param(workflowId).query(Long.class).single()).isZero();
    }

    @Test
    void inputs_within_the_limit_are_accepted() {
        HttpApi.Response accepted = execute("x".repeat(300 * 1024));

        assertThat(accepted.status()).as(accepted.brief()).isEqualTo(202);
    }

    private HttpApi.Response execute(String payload) {
        return workspace.api().post("/api/workflows/" + workflowId + "/execute",
                Map.of("input_variables", Map.of("payload", payload)));
    }
}
