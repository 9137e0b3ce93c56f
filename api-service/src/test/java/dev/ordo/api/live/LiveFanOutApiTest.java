package dev.ordo.api.live;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.ReadModelUpdate;
import dev.ordo.contract.wire.ReadModelUpdate.AppliedEvent;
import dev.ordo.contract.wire.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The fan-out's failure policy against the real broker and database, with this test standing in for
 * the projection: it writes {@code readmodel.execution_events} rows and publishes the updates, and
 * leaves one out, repeats one and publishes one that is not an update at all.
 */
@ApiTest
class LiveFanOutApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    Topics topics;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private TestWorkspace workspace;
    private UUID workflowId;
    private final UUID executionId = UUID.randomUUID();

    @BeforeEach
    void anExecutionTheProjectionHasTwoEventsOf() throws Exception {
        createTheUpdatesTopic();
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = UUID.fromString(workspace.createWorkflow(chain("live fan-out", "a", "b")));
        ReadModelFixture.projected(jdbc, executionId.toString(), workflowId.toString(), workspace.id(), "running");
        store(1, new StepScheduled("a", 1, Map.of(), null));
        store(2, new StepStarted("a", 1, "w-1"));
    }

    @Test
    void a_lost_update_is_filled_in_from_the_read_model_a_repeated_one_sends_nothing_twice_and_a_bad_one_is_skipped() {
        double undecodable = meters.counter("ordo.live.updates.undecodable").count();
        try (LiveSocket execution = LiveSocket.connect(port, "/ws/workflows/executions/" + executionId, workspace.slug());
             LiveSocket workflow = LiveSocket.connect(port, "/ws/workflows/" + workflowId, workspace.slug())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !execution.messages().isEmpty());
            assertThat(execution.messages().get(0)).containsEntry("event_type", "execution_state").containsEntry("sequence", 2);

            store(3, new StepSucceeded("a", 1, Map.of("n", 1)));
            store(4, new StepScheduled("b", 1, Map.of("n", 1), null));
            publish(4, 3, 4);
            store(5, new StepStarted("b", 1, "w-1"));
            store(6, new StepSucceeded("b", 1, Map.of("n", 2)));
            publish(6, 6);
            publish(6, 6);
            kafka.send(topics.readModelUpdates(), executionId.toString(), "not an update".getBytes(StandardCharsets.UTF_8));
            store(7, new ExecutionEvent.ExecutionCompleted());
            publish(7, 7);

            await().atMost(Duration.ofSeconds(20)).until(() -> execution.eventSequences().contains(7L)
                    && workflow.eventSequences().contains(7L));
            assertThat(execution.eventSequences()).containsExactly(3L, 4L, 5L, 6L, 7L);
            assertThat(workflow.eventSequences()).containsExactly(3L, 4L, 5L, 6L, 7L);
            assertThat(execution.messages()).last().satisfies(last -> assertThat(last)
                    .containsEntry("event_type", "workflow_completed")
                    .containsEntry("workflow_id", workflowId.toString())
                    .containsEntry("workspace_id", workspace.id()));
            assertThat(meters.counter("ordo.live.updates.undecodable").count()).isGreaterThan(undecodable);
        }
    }

    private void store(long sequence, ExecutionEvent event) {
        jdbc.sql("INSERT INTO readmodel.execution_events (execution_id, sequence, occurred_at, type, data)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(executionId, sequence, Instant.now().atOffset(ZoneOffset.UTC), event.getClass().getSimpleName(),
                        JsonCodec.instance().encodeToString(event))
                .update();
    }

    private void publish(long sequence, long... applied) {
        List<AppliedEvent> events = java.util.Arrays.stream(applied)
                .mapToObj(s -> new AppliedEvent(s, "Event", null, Instant.now())).toList();
        ReadModelUpdate update = new ReadModelUpdate(executionId, workflowId, UUID.fromString(workspace.id()), sequence,
                "running", events);
        kafka.send(topics.readModelUpdates(), executionId.toString(), JsonCodec.instance().encode(update));
    }

    private void createTheUpdatesTopic() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topics.readModelUpdates(), 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }
}
