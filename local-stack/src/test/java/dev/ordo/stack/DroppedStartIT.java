package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.infra.InfrastructureEndpoints;
import dev.ordo.infra.SharedTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A start the engine cannot read (a poison command, as from a newer or broken producer) ends as
 * {@code failed} with its reason instead of reading {@code pending} forever, and its workflow can
 * still be deleted. Executions after it on the same partitions run as usual.
 */
class DroppedStartIT {

    private static ApiClient api;

    @BeforeAll
    static void startTheSystem() {
        api = new ApiClient(RunningStack.services().apiPort());
    }

    @Test
    void an_unreadable_start_reads_failed_with_its_reason_and_never_blocks_deleting_its_workflow() throws Exception {
        ApiClient.Response created = api.post("/api/workflows/", "{\"name\": \"poisoned " + UUID.randomUUID()
                + "\", \"steps\": [{\"name\": \"only\", \"step_type\": \"task\", \"step_order\": 1}]}");
        assertThat(created.status()).isEqualTo(201);
        String workflowId = (String) created.body().get("id");
        UUID executionId = UUID.randomUUID();

        acceptedButUnreadable(executionId, UUID.fromString(workflowId), (String) created.body().get("workspace_id"));

        String path = "/api/workflows/executions/" + executionId + "/status";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path).body().get("status"), "failed"::equals);
        assertThat(String.valueOf(api.get(path).body().get("error_message"))).isNotBlank();
        assertThat(api.delete("/api/workflows/" + workflowId).status()).isEqualTo(200);

        String healthy = (String) api.post("/api/workflows/" + create() + "/execute", "{}").body().get("execution_id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/workflows/executions/" + healthy + "/status").body().get("status"),
                        "completed"::equals);
    }

    private static String create() {
        ApiClient.Response created = api.post("/api/workflows/", "{\"name\": \"after poison " + UUID.randomUUID()
                + "\", \"steps\": [{\"name\": \"only\", \"step_type\": \"task\", \"step_order\": 1}]}");
        return (String) created.body().get("id");
    }

    /** The submission as api-service records it, and a command on the broker that no engine can decode. */
    private static void acceptedButUnreadable(UUID executionId, UUID workflowId, String workspaceId) throws Exception {
        InfrastructureEndpoints endpoints = SharedTestInfrastructure.endpoints();
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(),
                endpoints.password());
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO api.execution_submissions (execution_id, workflow_id, workflow_version, workspace_id,
                         execution_number, input_variables, submitted_at)
                     VALUES (?, ?, 1, ?, 999999, '{}'::jsonb, ?)
                     """)) {
            insert.setObject(1, executionId);
            insert.setObject(2, workflowId);
            insert.setObject(3, UUID.fromString(workspaceId));
            insert.setObject(4, OffsetDateTime.now());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("workflow.commands", executionId.toString(),
                    "{\"type\": \"StartExecution\", \"execution_id\": 42, \"definition\": [".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }
}
