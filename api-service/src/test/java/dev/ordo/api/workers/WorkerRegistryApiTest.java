package dev.ordo.api.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import dev.ordo.contract.wire.WorkerAnnouncement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stats route lists the live worker registry: workers announce themselves on
 * {@code workflow.workers}, and a tombstone takes a cleanly stopped one off the list.
 */
@ApiTest
class WorkerRegistryApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    Topics topics;

    private TestWorkspace workspace;
    private KafkaProducer<String, byte[]> producer;
    private final String staying = "worker-" + UUID.randomUUID();
    private final String leaving = "worker-" + UUID.randomUUID();

    @BeforeEach
    void aWorkersTopic() throws Exception {
        workspace = TestWorkspace.create(new HttpApi(port));
        ensureCompactedTopic(topics.workers());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Other tests of the shared context expect no live workers: this one leaves none behind. */
    @AfterEach
    void noWorkerLeftBehind() throws Exception {
        send(staying, null);
        producer.close();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(engineStats()).containsEntry("live_workers", 0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void stats_list_the_announced_workers_that_did_not_stop() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(staying, announcement(staying, List.of("summarize", "translate"), 4, 2, now));
        send(leaving, announcement(leaving, List.of("ocr"), 1, 0, now));
        send(leaving, null);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> engine = engineStats();
            assertThat(engine).containsEntry("live_workers", 1);
            List<Map<String, Object>> workers = (List<Map<String, Object>>) engine.get("workers");
            assertThat(workers).singleElement().satisfies(worker -> {
                assertThat(worker).containsOnlyKeys("worker_id", "capabilities", "concurrency", "tasks_in_flight",
                                "seen_at").containsEntry("worker_id", staying)
                        .containsEntry("capabilities", List.of("summarize", "translate"))
                        .containsEntry("concurrency", 4).containsEntry("tasks_in_flight", 2);
                assertThat(Instant.parse((String) worker.get("seen_at"))).isEqualTo(now);
            });
        });
    }

    private Map<String, Object> engineStats() {
        HttpApi.Response stats = workspace.api().get("/api/workflows/executions/stats");
        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> engine = (Map<String, Object>) stats.json().get("workflow_engine_stats");
        return engine;
    }

    private static byte[] announcement(String id, List<String> capabilities, int concurrency, int inFlight,
                                       Instant seenAt) {
        return JsonCodec.instance().encode(new WorkerAnnouncement(id, capabilities, concurrency, inFlight, seenAt));
    }

    private void send(String workerId, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topics.workers(), workerId, value)).get();
    }

    private void ensureCompactedTopic(String name) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            NewTopic topic = new NewTopic(name, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create " + name, e.getCause());
            }
        }
    }
}
