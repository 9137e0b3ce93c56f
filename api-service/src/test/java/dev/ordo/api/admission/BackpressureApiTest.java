package dev.ordo.api.admission;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiServiceApplication;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.wire.Topics;
import dev.ordo.infra.EmbeddedInfrastructureInitializer;
import dev.ordo.infra.SharedTestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * With a projection that falls behind past the threshold, starting work answers 429 with
 * Retry-After and says which stage lags, cancelling is still taken, and once the projection caught
 * up executions start again. The lag is real: records on this context's own event log that its
 * own projection group has not committed.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=api-service", "ordo.engine.enabled=false", "ordo.topics.partitions=1",
            "ordo.topics.prefix=" + BackpressureApiTest.PREFIX, "ordo.stats.projection-group=" + BackpressureApiTest.GROUP,
            "ordo.engine.application-id=backpressure-test-engine", "ordo.stats.cache-for=100ms",
            "ordo.backpressure.projection-lag-events=3", "ordo.backpressure.retry-after=7s"})
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class BackpressureApiTest {

    static final String PREFIX = "backpressure-test";
    static final String GROUP = "backpressure-test-projection";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void a_projection_too_far_behind_refuses_new_executions_with_retry_after_but_takes_cancels_until_it_caught_up()
            throws Exception {
        TestWorkspace workspace = TestWorkspace.create(new HttpApi(port));
        String workflowId = workspace.createWorkflow(chain("admitted", "a"));
        HttpApi.Response first = workspace.api().post("/api/workflows/" + workflowId + "/execute", "{}");
        assertThat(first.status()).as(first.text()).isEqualTo(202);
        String executionId = (String) first.json().get("execution_id");

        String events = new Topics(PREFIX).executionEvents();
        writeEvents(events, 5);

        HttpResponse<String> refused = await().atMost(PATIENCE).until(() -> execute(workspace, workflowId),
                response -> response.statusCode() == 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(refused.body()).contains("\"detail\":\"The projection is behind: ").contains("more than 3");
        HttpApi.Response rerun = workspace.api().post("/api/workflows/executions/" + executionId + "/rerun", "{}");
        assertThat(rerun.status()).as(rerun.text()).isEqualTo(429);
        HttpApi.Response cancel = workspace.api().post("/api/workflows/executions/" + executionId + "/cancel", "{}");
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(202);

        commitEnd(events);

        await().atMost(PATIENCE).until(() -> execute(workspace, workflowId).statusCode() == 202);
    }

    private HttpResponse<String> execute(TestWorkspace workspace, String workflowId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/workflows/"
                        + workflowId + "/execute"))
                .header("Content-Type", "application/json").header("X-Workspace-Slug", workspace.slug())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void writeEvents(String topic, int count) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.endpoints().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "key", new byte[] {1})).get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The projection group takes everything: its committed offset moves to the log's end. */
    private static void commitEnd(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfrastructure.endpoints().bootstrapServers()))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            ListOffsetsResult.ListOffsetsResultInfo end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition).get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            offsets.put(partition, new OffsetAndMetadata(end.offset()));
            admin.alterConsumerGroupOffsets(GROUP, offsets).all().get(10, TimeUnit.SECONDS);
        }
    }
}
