package dev.ordo.api.executions;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiServiceApplication;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import dev.ordo.infra.SharedTestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * With the broker out of reach (nothing listens at its address) the {@code commands} health goes
 * DOWN after a send timeout; from then on execute, cancel and retry answer 503 and write nothing, while a
 * repeat of an accepted {@code Idempotency-Key} still answers its execution, and the stats route
 * answers with the broker's figures unknown.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=api-service", "ordo.engine.enabled=false", "ordo.topics.partitions=1",
                "spring.kafka.admin.auto-create=false", "ordo.commands.send-timeout=2s",
                "logging.level.org.apache.kafka=ERROR"})
@ContextConfiguration(initializers = BrokerDownApiTest.UnreachableBroker.class)
class BrokerDownApiTest {

    private static final Object BROKER_DOWN = "Workflow engine not available: the event broker is unreachable";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestWorkspace workspace;
    private String workflowId;

    @BeforeEach
    void aWorkflowAndABrokerKnownToBeAway() {
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = workspace.createWorkflow(chain("unbrokered", "a"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpApi.Response health = workspace.api().get("/actuator/health/commands");
            assertThat(health.json()).as(health.text()).containsEntry("status", "DOWN");
        });
    }

    @Test
    void execute_answers_503_and_writes_neither_a_submission_nor_a_command() {
        HttpApi.Response answer = workspace.api().post("/api/workflows/" + workflowId + "/execute", "{}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(503);
        assertThat(answer.detail()).isEqualTo(BROKER_DOWN);
        assertThat(count("SELECT count(*) FROM api.execution_submissions WHERE workflow_id = ?::uuid", workflowId))
                .isZero();
        assertThat(count("SELECT count(*) FROM api.command_outbox WHERE convert_from(payload, 'UTF8') LIKE ?",
                "%" + workflowId + "%")).isZero();
    }

    @Test
    void cancel_answers_503_and_writes_no_command() {
        UUID executionId = acceptedEarlier(null);

        HttpApi.Response answer = workspace.api().post("/api/workflows/executions/" + executionId + "/cancel", "{}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(503);
        assertThat(answer.detail()).isEqualTo(BROKER_DOWN);
        assertThat(count("SELECT count(*) FROM api.command_outbox WHERE key = ?", executionId.toString())).isZero();
    }

    @Test
    void a_repeat_of_an_accepted_idempotency_key_still_answers_its_execution() {
        UUID executionId = acceptedEarlier("accepted-before-the-outage");

        HttpApi.Response answer = workspace.api().with("Idempotency-Key", "accepted-before-the-outage")
                .post("/api/workflows/" + workflowId + "/execute", "{}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        assertThat(answer.json()).containsEntry("execution_id", executionId.toString());
    }

    @Test
    void retry_answers_503_and_writes_no_command() {
        UUID executionId = acceptedEarlier(null);
        ReadModelFixture.execution(executionId, UUID.fromString(workflowId), UUID.fromString(workspace.id()),
                        ReadModelFixture.chainDefinition("a"))
                .ended("failed", Instant.now(), 1, "a failed").step("a", "failed", 1, null, "a failed").write(jdbc);

        HttpApi.Response answer = workspace.api().post("/api/workflows/executions/" + executionId + "/retry", "");

        assertThat(answer.status()).as(answer.text()).isEqualTo(503);
        assertThat(count("SELECT count(*) FROM api.command_outbox WHERE key = ?", executionId.toString())).isZero();
    }

    @Test
    void stats_answer_with_the_databases_figures_and_the_brokers_unknown() {
        acceptedEarlier(null);

        HttpApi.Response stats = workspace.api().get("/api/workflows/executions/stats");

        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        assertThat(stats.json()).containsEntry("total_executions", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> engine = (Map<String, Object>) stats.json().get("workflow_engine_stats");
        assertThat(engine).containsEntry("active_executions", 1).containsEntry("queued_tasks", null)
                .containsEntry("live_workers", null).containsEntry("projection_lag_events", null)
                .containsEntry("projection_lag_ms", null);
        assertThat((String) engine.get("note")).contains("did not answer").contains("queued_tasks");
    }

    /** A submission accepted before the broker went away. */
    private UUID acceptedEarlier(String idempotencyKey) {
        UUID executionId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO api.execution_submissions (execution_id, workflow_id, workflow_version, workspace_id,
                    execution_number, idempotency_key, input_variables, submitted_at)
                VALUES (?, ?::uuid, 1, ?::uuid, 1, ?, '{}'::jsonb, ?)
                """).params(executionId, workflowId, workspace.id(), idempotencyKey, OffsetDateTime.now()).update();
        return executionId;
    }

    private long count(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    /** The shared database, and a broker address where nothing listens. */
    static class UnreachableBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> properties = new HashMap<>(SharedTestInfrastructure.endpoints().asSpringProperties());
            properties.put("spring.kafka.bootstrap-servers", "localhost:" + closedPort());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("unreachableBroker", properties));
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
