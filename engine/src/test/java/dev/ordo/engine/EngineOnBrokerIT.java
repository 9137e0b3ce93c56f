package dev.ordo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.execution.ExecutionEvent.StepHeartbeatRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.execution.StepReport.StepHeartbeatReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.TaskHeaders;
import dev.ordo.contract.wire.Topics;
import dev.ordo.infra.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone engine against a real broker (default record limits, exactly_once_v2): poison
 * inputs end their own executions, and a 3-step chain with a 300 KB input completes, while the
 * engine stays RUNNING. The test plays the worker: it answers each task with its input. And a step
 * whose worker dies after its start is timed out by its heartbeat timeout, not its step timeout,
 * and retried on a live one.
 */
class EngineOnBrokerIT {

    @TempDir
    static Path dataDir;
    static EmbeddedKafkaBroker broker;
    static String bootstrapServers;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), 0, 0);
        bootstrapServers = broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void poison_inputs_end_their_own_executions_and_a_300_kb_chain_completes_while_the_engine_keeps_running() {
        String prefix = "engine-it-" + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics(prefix);
        UUID poisoned = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        UUID large = UUID.randomUUID();
        try (Engine engine = EngineMain.run(environment(prefix));
             KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, byte[]> tasks = consumer(topics.stepTasks());
             KafkaConsumer<String, byte[]> events = consumer(topics.executionEvents())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> engine.state().equals("RUNNING"));

            producer.send(new ProducerRecord<>(topics.commands(), poisoned.toString(), utf8("not JSON at all")));
            send(producer, topics.commands(), running, start(running, DrivenEngine.workflow(60, DrivenEngine.step("a", null)),
                    Map.of()));
            send(producer, topics.commands(), large, start(large, DrivenEngine.chain(3),
                    Map.of("blob", "x".repeat(300_000))));

            List<EventEnvelope> recorded = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> task : tasks.poll(Duration.ofMillis(100))) {
                    answer(producer, topics, task, running);
                }
                for (ConsumerRecord<String, byte[]> event : events.poll(Duration.ofMillis(100))) {
                    recorded.add(JsonCodec.instance().decode(event.value(), EventEnvelope.class));
                }
                assertThat(eventsOf(recorded, poisoned)).singleElement().isInstanceOf(ExecutionRejected.class);
                assertThat(eventsOf(recorded, running)).hasSize(4).last().isInstanceOf(ExecutionFailed.class);
                assertThat(eventsOf(recorded, running).get(2)).isInstanceOf(IncidentRecorded.class);
                assertThat(eventsOf(recorded, large)).last().isEqualTo(new ExecutionCompleted());
            });
            assertThat(engine.health().up()).isTrue();
            assertThat(engine.state()).isEqualTo("RUNNING");
            assertThat(engine.counters().unreadableInputs()).isEqualTo(2);
        }
    }

    @Test
    void an_attempt_whose_worker_falls_silent_is_timed_out_after_its_heartbeat_timeout_and_retried_on_a_live_worker() {
        String prefix = "engine-hb-" + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics(prefix);
        UUID execution = UUID.randomUUID();
        StepSpec train = new StepSpec("train", "task", 1, List.of(), 60, 1, null, Map.of("processing_type", "default",
                "heartbeat_timeout_seconds", 2, "retry_policy", Map.of("initial_delay_ms", 100, "jitter", 0)));
        try (Engine engine = EngineMain.run(environment(prefix));
             KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, byte[]> tasks = consumer(topics.stepTasks());
             KafkaConsumer<String, byte[]> events = consumer(topics.executionEvents())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> engine.state().equals("RUNNING"));
            send(producer, topics.commands(), execution, start(execution, DrivenEngine.workflow(600, train), Map.of()));

            List<EventEnvelope> recorded = new ArrayList<>();
            List<String> taskKeys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> task : tasks.poll(Duration.ofMillis(100))) {
                    taskKeys.add(task.key());
                    StepTask decoded = JsonCodec.instance().decode(task.value(), StepTask.class);
                    send(producer, topics.stepReports(), execution,
                            new StepStartedReport(execution, "train", decoded.attempt(), "worker-" + decoded.attempt()));
                    if (decoded.attempt() == 2) { // worker 1 died after its start; worker 2 is alive
                        send(producer, topics.stepReports(), execution, new StepHeartbeatReport(execution, "train", 2,
                                "worker-2", Map.of("epoch", 1)));
                        send(producer, topics.stepReports(), execution,
                                new StepSucceededReport(execution, "train", 2, Map.of("model", "m-2")));
                    }
                }
                for (ConsumerRecord<String, byte[]> event : events.poll(Duration.ofMillis(100))) {
                    recorded.add(JsonCodec.instance().decode(event.value(), EventEnvelope.class));
                }
                assertThat(eventsOf(recorded, execution)).last().isEqualTo(new ExecutionCompleted());
            });

            Instant started = occurredAt(recorded, new StepStarted("train", 1, "worker-1"));
            Instant timedOut = occurredAt(recorded, new StepTimedOut("train", 1, "attempt 1 sent no heartbeat for 2s"));
            assertThat(Duration.between(started, timedOut)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
            assertThat(eventsOf(recorded, execution)).contains(new StepSucceeded("train", 2, Map.of("model", "m-2")))
                    .anyMatch(event -> event instanceof StepHeartbeatRecorded beat && beat.attempt() == 2
                            && beat.progress().equals(Map.of("epoch", 1)));
            assertThat(taskKeys).containsExactly(Topics.stepTaskKey(execution, "train", 1),
                    Topics.stepTaskKey(execution, "train", 2));
        }
    }

    /** When the first event like {@code expected} (ignoring a heartbeat deadline) was recorded. */
    private static Instant occurredAt(List<EventEnvelope> recorded, ExecutionEvent expected) {
        return recorded.stream().filter(envelope -> sameIgnoringClock(envelope.event(), expected))
                .map(EventEnvelope::occurredAt).findFirst()
                .orElseThrow(() -> new AssertionError("Expected " + expected + " among " + recorded + ", but it is not"));
    }

    private static boolean sameIgnoringClock(ExecutionEvent event, ExecutionEvent expected) {
        if (event instanceof StepStarted started && expected instanceof StepStarted wanted) {
            return started.stepName().equals(wanted.stepName()) && started.attempt() == wanted.attempt();
        }
        return event.equals(expected);
    }

    /** Answers a task with its input; the one for {@code poisonTarget} gets an unreadable report instead. */
    private static void answer(KafkaProducer<String, byte[]> producer, Topics topics, ConsumerRecord<String, byte[]> task,
                               UUID poisonTarget) {
        UUID execution = UUID.fromString(header(task, TaskHeaders.EXECUTION_ID));
        StepTask decoded = JsonCodec.instance().decode(task.value(), StepTask.class);
        assertThat(header(task, TaskHeaders.STEP_NAME)).isEqualTo(decoded.stepName());
        assertThat(header(task, TaskHeaders.ATTEMPT)).isEqualTo(String.valueOf(decoded.attempt()));
        byte[] report = execution.equals(poisonTarget)
                ? utf8("{\"type\":\"StepSucceededReport\",\"execution_id\":\"" + execution + "\",\"step_name\":\"a\"")
                : JsonCodec.instance().encode(new StepSucceededReport(execution, decoded.stepName(), decoded.attempt(),
                        decoded.input()));
        producer.send(new ProducerRecord<>(topics.stepReports(), execution.toString(), report));
    }

    private static List<ExecutionEvent> eventsOf(List<EventEnvelope> recorded, UUID execution) {
        return recorded.stream().filter(envelope -> envelope.executionId().equals(execution))
                .map(EventEnvelope::event).toList();
    }

    private static StartExecution start(UUID execution, dev.ordo.contract.definition.WorkflowSnapshot definition,
                                        Map<String, Object> inputs) {
        return new StartExecution(execution, UUID.randomUUID(), 1, UUID.randomUUID(), null, definition, inputs,
                java.time.Instant.now());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, UUID key, Object value) {
        producer.send(new ProducerRecord<>(topic, key.toString(), JsonCodec.instance().encode(value)));
    }

    private static Map<String, String> environment(String prefix) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, "ORDO_TOPIC_PREFIX", prefix,
                "ORDO_TOPIC_PARTITIONS", "2", "ORDO_ENGINE_APPLICATION_ID", prefix,
                "ORDO_ENGINE_STATE_DIR", dataDir.resolve(prefix).toString(), "ORDO_ENGINE_COMMIT_INTERVAL", "20ms");
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "engine-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
