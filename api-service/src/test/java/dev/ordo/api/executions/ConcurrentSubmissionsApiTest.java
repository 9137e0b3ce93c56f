package dev.ordo.api.executions;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiTest;
import dev.ordo.api.CommandsTopic;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Submissions of one workflow run side by side and still get one number each; repeats of one
 * {@code Idempotency-Key} racing each other start one execution with one command.
 */
@ApiTest
class ConcurrentSubmissionsApiTest {

    private static final int SUBMISSIONS = 24;
    private static final int REPEATS = 8;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Topics topics;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

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

    @Test
    void concurrent_repeats_of_one_idempotency_key_start_one_execution_with_one_command() {
        TestWorkspace workspace = TestWorkspace.create(new HttpApi(port));
        String workflowId = workspace.createWorkflow(Map.of("name", "repeated",
                "steps", List.of(Map.of("name", "only", "step_order", 1))));
        HttpApi client = workspace.api().with("Idempotency-Key", "one-key");
        ExecutorService clients = Executors.newFixedThreadPool(REPEATS);
        try (CommandsTopic commands = CommandsTopic.fromNow(bootstrapServers, topics.commands())) {
            List<HttpApi.Response> answers = IntStream.range(0, REPEATS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> client
                            .post("/api/workflows/" + workflowId + "/execute", "{\"input_variables\": {}}"), clients))
                    .toList().stream().map(CompletableFuture::join).toList();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.text()).isEqualTo(202));
            Set<Object> executionIds = answers.stream().map(answer -> answer.json().get("execution_id"))
                    .collect(Collectors.toSet());
            assertThat(executionIds).hasSize(1);
            UUID executionId = UUID.fromString((String) executionIds.iterator().next());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM api.execution_submissions WHERE workflow_id = ?::uuid",
                    Long.class, workflowId)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(commands.commandsFor(executionId)).isNotEmpty());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(commands.commandsFor(executionId)).hasSize(1));
        } finally {
            clients.shutdown();
        }
    }
}
