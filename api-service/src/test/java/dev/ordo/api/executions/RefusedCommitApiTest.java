package dev.ordo.api.executions;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiTest;
import dev.ordo.api.CommandsTopic;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database refuses to commit a submission at the very end, after everything else succeeded (a
 * deferred constraint trigger that fails for marked inputs): nothing may reach the broker, and a
 * repeat with the same {@code Idempotency-Key} starts the execution exactly once.
 */
@ApiTest
class RefusedCommitApiTest {

    private static final String MARKER = "commit_marker";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Topics topics;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private TestWorkspace workspace;
    private String workflowId;
    private CommandsTopic commands;

    @BeforeEach
    void aDatabaseThatRefusesMarkedCommits() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS public.refused_commits (marker text PRIMARY KEY)").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION public.refuse_marked_submission() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM public.refused_commits WHERE marker = NEW.input_variables ->> 'commit_marker')
                    THEN
                        RAISE EXCEPTION 'commit refused for the test';
                    END IF;
                    RETURN NULL;
                END $$
                """).update();
        jdbc.sql("DROP TRIGGER IF EXISTS refuse_marked_submission ON api.execution_submissions").update();
        jdbc.sql("""
                CREATE CONSTRAINT TRIGGER refuse_marked_submission AFTER INSERT ON api.execution_submissions
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.refuse_marked_submission()
                """).update();
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = workspace.createWorkflow(chain("refused", "a"));
        commands = CommandsTopic.fromNow(bootstrapServers, topics.commands());
    }

    @AfterEach
    void removeTheTrigger() {
        commands.close();
        jdbc.sql("DROP TRIGGER IF EXISTS refuse_marked_submission ON api.execution_submissions").update();
    }

    @Test
    void a_commit_refused_after_the_command_could_have_been_acknowledged_publishes_nothing() {
        String marker = refuseCommitsMarked();

        HttpApi.Response answer = execute(workspace.api(), marker);

        assertThat(answer.status()).as(answer.text()).isEqualTo(503);
        assertThat(answer.detail()).asString().contains("nothing was accepted");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(commands.startsWithInput(MARKER, marker)).isEmpty());
        assertThat(submissionsMarked(marker)).isZero();
    }

    @Test
    void a_repeat_after_a_refused_commit_starts_the_execution_exactly_once() {
        String marker = refuseCommitsMarked();
        HttpApi client = workspace.api().with("Idempotency-Key", "key-" + marker);
        assertThat(execute(client, marker).status()).isEqualTo(503);
        jdbc.sql("DELETE FROM public.refused_commits WHERE marker = ?").param(marker).update();

        HttpApi.Response repeat = execute(client, marker);

        assertThat(repeat.status()).as(repeat.text()).isEqualTo(202);
        UUID executionId = UUID.fromString((String) repeat.json().get("execution_id"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(commands.startsWithInput(MARKER, marker)).isNotEmpty());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(commands.startsWithInput(MARKER, marker))
                        .extracting(StartExecution::executionId).containsExactly(executionId));
    }

    @Test
    void a_refused_commit_gives_its_execution_number_back() {
        assertThat(execute(workspace.api(), refuseCommitsMarked()).status()).isEqualTo(503);

        HttpApi.Response next = execute(workspace.api(), UUID.randomUUID().toString());

        assertThat(next.status()).as(next.text()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT execution_number FROM api.execution_submissions WHERE execution_id = ?::uuid")
                .param(next.json().get("execution_id")).query(Long.class).single()).isEqualTo(1L);
    }

    private String refuseCommitsMarked() {
        String marker = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO public.refused_commits (marker) VALUES (?)").param(marker).update();
        return marker;
    }

    private HttpApi.Response execute(HttpApi client, String marker) {
        return client.post("/api/workflows/" + workflowId + "/execute", Map.of("input_variables", Map.of(MARKER, marker)));
    }

    private long submissionsMarked(String marker) {
        return jdbc.sql("SELECT count(*) FROM api.execution_submissions WHERE input_variables ->> 'commit_marker' = ?")
                .param(marker).query(Long.class).single();
    }
}
