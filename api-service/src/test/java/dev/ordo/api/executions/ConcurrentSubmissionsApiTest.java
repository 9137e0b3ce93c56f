package dev.ordo.api.executions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Submissions of one workflow run side by side and still get one number each. */
@ApiTest
class ConcurrentSubmissionsApiTest {

    private static final int SUBMISSIONS = 24;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrent_executions_of_one_workflow_are_all_accepted_with_distinct_numbers() {
        TestWorkspace workspace = TestWorkspace.create(new HttpApi(port));
        String workflowId = workspace.createWorkflow(Map.of("name", "busy",
                "steps", List.of(Map.of("name", "only", "step_order", 1))));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<HttpApi.Response> answers = IntStream.range(0, SUBMISSIONS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> workspace.api()
                            .post("/api/workflows/" + workflowId + "/execute", "{\"input_variables\": {}}"), clients))
                    .toList().stream().map(CompletableFuture::join).toList();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(202));
        } finally {
            clients.shutdown();
        }
        List<Long> numbers = jdbc.queryForList(
                "SELECT execution_number FROM api.execution_submissions WHERE workflow_id = ?::uuid ORDER BY 1",
                Long.class, workflowId);
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, SUBMISSIONS).mapToObj(Long::valueOf).toList());
    }
}
