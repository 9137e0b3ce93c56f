package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import dev.ordo.infra.SharedTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A step with {@code heartbeat_timeout_seconds: 2} whose worker dies after reporting its start is
 * timed out after about 2 s, not its 60 s step timeout, retried, and completed by a live worker. The
 * dead worker is the test: the only one serving the step's capability, it takes the task, reports
 * it started and falls silent; a replacement worker starts once the engine has given up on it.
 */
class HeartbeatTimeoutIT {

    private static final String CAPABILITY = "heartbeat-test";
    private static ApiClient api;
    private static final ExtraWorkers workers = new ExtraWorkers();

    @BeforeAll
    static void startTheSystem() {
        api = new ApiClient(RunningStack.services().apiPort());
    }

    @AfterAll
    static void stopTheExtraWorkers() {
        workers.close();
    }

    @Test
    void a_step_whose_worker_dies_is_retried_after_its_heartbeat_timeout_and_completes_on_a_live_worker() {
        String executionId = execute("{\"name\": \"heartbeats " + UUID.randomUUID() + "\", \"timeout_seconds\": 300,"
                + " \"max_retries\": 2, \"config\": {\"retry_policy\": {\"initial_delay_ms\": 100, \"jitter\": 0}},"
                + " \"steps\": [{\"name\": \"train\", \"step_type\": \"agent\", \"step_order\": 1,"
                + " \"timeout_seconds\": 60, \"config\": {\"processing_type\": \"default\","
                + " \"heartbeat_timeout_seconds\": 2, \"required_capabilities\": [\"" + CAPABILITY + "\"]}}]}");

        playADeadWorker(UUID.fromString(executionId));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                EventLog.of(executionId).stream().anyMatch(StepTimedOut.class::isInstance));
        workers.start("live-worker", Map.of("ordo.worker.capabilities", CAPABILITY));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> api.get("/api/workflows/executions/" + executionId + "/status").body().get("status"),
                "completed"::equals);
        List<EventEnvelope> log = EventLog.envelopes(executionId);
        Instant started = at(log, StepStarted.class);
        Instant timedOut = at(log, StepTimedOut.class);
        assertThat(Duration.between(started, timedOut)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));
        List<ExecutionEvent> events = log.stream().map(EventEnvelope::event).toList();
        assertThat(events).contains(new StepTimedOut("train", 1, "attempt 1 sent no heartbeat for 2s"))
                .contains(new StepSucceeded("train", 2, Map.of()));
        assertThat(events).filteredOn(StepStarted.class::isInstance).extracting(event -> ((StepStarted) event).workerId())
                .containsExactly("dead-worker", "live-worker");
    }

    /** Takes attempt 1 from the capability's topic, in a group of its own, reports it started, and says no more. */
    private static void playADeadWorker(UUID execution) {
        String bootstrap = SharedTestInfrastructure.endpoints().bootstrapServers();
        Topics topics = Topics.withDefaultPrefix();
        try (KafkaConsumer<String, byte[]> tasks = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-worker-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> reports = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            tasks.subscribe(topics.stepTasksFor(List.of(CAPABILITY)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : tasks.poll(Duration.ofMillis(100))) {
                    StepTask task = JsonCodec.instance().decode(record.value(), StepTask.class);
                    if (task.executionId().equals(execution)) {
                        reports.send(new ProducerRecord<>(topics.stepReports(), execution.toString(),
                                JsonCodec.instance().encode(new StepStartedReport(execution, task.stepName(),
                                        task.attempt(), "dead-worker")))).get();
                        return true;
                    }
                }
                return false;
            });
        }
    }

    private static Instant at(List<EventEnvelope> log, Class<? extends ExecutionEvent> type) {
        return log.stream().filter(envelope -> type.isInstance(envelope.event())).map(EventEnvelope::occurredAt)
                .findFirst().orElseThrow(() -> new AssertionError("Expected a " + type.getSimpleName() + " in " + log));
    }

    private static String execute(String workflowJson) {
        ApiClient.Response created = api.post("/api/workflows/", workflowJson);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        ApiClient.Response submitted = api.post("/api/workflows/" + created.body().get("id") + "/execute",
                "{\"input_variables\": {}}");
        assertThat(submitted.status()).as("execute: %s", submitted.body()).isEqualTo(202);
        return (String) submitted.body().get("execution_id");
    }
}
