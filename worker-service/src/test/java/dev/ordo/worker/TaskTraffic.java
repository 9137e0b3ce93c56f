package dev.ordo.worker;

import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.TaskHeaders;
import dev.ordo.contract.wire.Topics;
import dev.ordo.infra.SharedTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The engine's side of the worker's topics, for tests: writes tasks (as the engine does, or broken
 * ones), reads every report back, and reads how far the workers' group has committed. Close it.
 */
public final class TaskTraffic implements AutoCloseable {

    private final Topics topics;
    private final String group;
    private final String bootstrapServers = SharedTestInfrastructure.endpoints().bootstrapServers();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> reports;
    private final List<StepReport> received = new ArrayList<>();

    public TaskTraffic(Topics topics, String group) {
        this.topics = topics;
        this.group = group;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
        this.reports = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The worker's own topics, as the engine would find them. */
    static TaskTraffic forWorker(Topics topics) {
        return new TaskTraffic(topics, WorkerTest.GROUP_ID);
    }

    /** Creates both topics with one partition, for a worker that does not create them itself. */
    public TaskTraffic withTopics() throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            for (String topic : List.of(topics.stepTasks(), topics.stepReports())) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        return this;
    }

    public static StepTask task(String step, Map<String, Object> config, Map<String, Object> input) {
        return new StepTask(UUID.randomUUID(), step, "task", 1, config, input, Instant.now().plus(Duration.ofMinutes(10)));
    }

    public static StepTask task(String step, Map<String, Object> config) {
        return task(step, config, Map.of("n", 1));
    }

    /** Sends the task as the engine does: keyed by execution, step and attempt, with the task headers. */
    public long send(StepTask task) {
        return send(Topics.stepTaskKey(task.executionId(), task.stepName(), task.attempt()), JsonCodec.instance().encode(task),
                Map.of(TaskHeaders.EXECUTION_ID, task.executionId().toString(), TaskHeaders.STEP_NAME, task.stepName(),
                        TaskHeaders.ATTEMPT, Integer.toString(task.attempt())));
    }

    /** Sends any record to the tasks topic and answers its offset. */
    public long send(String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.stepTasks(), key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get().offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Expected the broker to take the task, but: " + e.getCause(), e);
        }
    }

    /** Every report about {@code execution} the workers published so far, in order. */
    public List<StepReport> reportsFor(UUID execution) {
        if (reports.assignment().isEmpty()) {
            List<TopicPartition> partitions = reports.partitionsFor(topics.stepReports()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            reports.assign(partitions);
            reports.seekToBeginning(partitions);
        }
        for (ConsumerRecord<String, byte[]> record : reports.poll(Duration.ofMillis(200))) {
            received.add(JsonCodec.instance().decode(record.value(), StepReport.class));
        }
        return received.stream().filter(report -> report.executionId().equals(execution)).toList();
    }

    /** Every report the workers published so far, in the order the reports topic holds them. */
    public List<StepReport> allReports() {
        reportsFor(new UUID(0, 0));
        return List.copyOf(received);
    }

    public List<StepReport> reportsFor(StepTask task) {
        return reportsFor(task.executionId());
    }

    /** The next offset the workers' group will read on the tasks topic's first partition, or -1 before any commit. */
    public long committedOffset() throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topics.stepTasks(), 0));
            return committed == null ? -1 : committed.offset();
        }
    }

    /** Bootstrap servers of the shared broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @Override
    public void close() {
        producer.close();
        reports.close();
    }
}
