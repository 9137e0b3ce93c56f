package dev.ordo.engine;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import dev.ordo.domain.execution.ExecutionState;

/**
 * The engine topology on Kafka Streams' test driver, with the words the engine's tests speak:
 * start an execution, report on a step, read what it recorded, advance the wall clock. Every record
 * the engine writes (events, tasks and the changelogs of its stores) is kept, so tests can hold
 * each one to the record limit.
 */
final class DrivenEngine implements AutoCloseable {

    static final Topics TOPICS = Topics.withDefaultPrefix();
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final String APPLICATION_ID = "engine-test";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> commands;
    private final TestInputTopic<String, byte[]> reports;
    private final TestOutputTopic<String, byte[]> events;
    private final TestOutputTopic<String, byte[]> tasks;
    private final List<EventEnvelope> recorded = new ArrayList<>();
    private final List<TestRecord<String, byte[]>> handedOut = new ArrayList<>();
    private final Map<String, Integer> largest = new java.util.HashMap<>();

    DrivenEngine(Path stateDir, Function<Topics, Topology> topology) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology.apply(TOPICS), config, START);
        commands = driver.createInputTopic(TOPICS.commands(), new StringSerializer(), new ByteArraySerializer());
        reports = driver.createInputTopic(TOPICS.stepReports(), new StringSerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(TOPICS.executionEvents(), new StringDeserializer(), new ByteArrayDeserializer());
        tasks = driver.createOutputTopic(TOPICS.stepTasks(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    static DrivenEngine with(Path stateDir, EngineOptions options) {
        return new DrivenEngine(stateDir, topics -> EngineTopology.build(topics, options));
    }

    /** With the engine's call into the domain replaced, e.g. by one that throws. */
    static DrivenEngine with(Path stateDir, EngineOptions options, EngineCounters counters, Deciding deciding) {
        return new DrivenEngine(stateDir, topics -> EngineTopology.build(topics, options, counters, deciding));
    }

    // --- inputs ----------------------------------------------------------------------------------

    StartExecution start(UUID execution, WorkflowSnapshot definition, Map<String, Object> inputs) {
        StartExecution start = new StartExecution(execution, UUID.randomUUID(), 1, UUID.randomUUID(), null,
                definition, inputs, START);
        command(execution.toString(), JsonCodec.instance().encode(start));
        return start;
    }

    void command(String key, byte[] value) {
        commands.pipeInput(key, value);
    }

    void command(String key, String json) {
        command(key, json.getBytes(StandardCharsets.UTF_8));
    }

    void report(StepReport report) {
        reports.pipeInput(report.executionId().toString(), JsonCodec.instance().encode(report));
    }

    void report(String key, String json) {
        reports.pipeInput(key, json.getBytes(StandardCharsets.UTF_8));
    }

    void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** Acts as a worker that echoes each task's input as its output, until no task is left. */
    void succeedEveryTask() {
        List<StepTask> open = readTasks();
        while (!open.isEmpty()) {
            for (StepTask task : open) {
                report(new StepSucceededReport(task.executionId(), task.stepName(), task.attempt(), task.input()));
            }
            open = readTasks();
        }
    }

    // --- outputs ---------------------------------------------------------------------------------

    /** Every event recorded for {@code execution} so far, in order. */
    List<EventEnvelope> history(UUID execution) {
        collect();
        return recorded.stream().filter(envelope -> envelope.executionId().equals(execution)).toList();
    }

    List<ExecutionEvent> eventsOf(UUID execution) {
        return history(execution).stream().map(EventEnvelope::event).toList();
    }

    /** The tasks handed out since the last call. */
    List<StepTask> readTasks() {
        collect();
        List<StepTask> fresh = new ArrayList<>();
        for (TestRecord<String, byte[]> task : tasks.readRecordsToList()) {
            handedOut.add(task);
            measure(TOPICS.stepTasks(), task);
            fresh.add(JsonCodec.instance().decode(task.value(), StepTask.class));
        }
        return fresh;
    }

    /** Every task record handed out so far, with its headers. */
    List<TestRecord<String, byte[]>> taskRecords() {
        readTasks();
        return List.copyOf(handedOut);
    }

    /**
     * The largest record (key, value and headers) the engine has written so far to each topic it
     * wrote to: the event log, the tasks, and the changelog of every store.
     */
    Map<String, Integer> largestRecords() {
        readTasks();
        for (String topic : driver.producedTopicNames()) {
            if (!topic.equals(TOPICS.executionEvents()) && !topic.equals(TOPICS.stepTasks())) {
                driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer())
                        .readRecordsToList().forEach(record -> measure(topic, record));
            }
        }
        return Map.copyOf(largest);
    }

    /** The changelog topic Kafka Streams writes for {@code store}. */
    static String changelog(String store) {
        return APPLICATION_ID + "-" + store + "-changelog";
    }

    /** The execution's whole state, put back together from the stores as the engine loads it. */
    ExecutionState stateOf(UUID execution) {
        ExecutionStore store = new ExecutionStore(driver.getKeyValueStore(EngineTopology.EXECUTIONS_STORE),
                driver.getKeyValueStore(EngineTopology.STARTS_STORE),
                driver.getKeyValueStore(EngineTopology.STEP_OUTPUTS_STORE),
                driver.getKeyValueStore(EngineTopology.TOMBSTONES_STORE));
        return store.load(execution).state();
    }

    /** Every key and value of a store, values as stored (bytes for the engine's own records). */
    Map<String, Object> contentsOf(String store) {
        Map<String, Object> contents = new java.util.TreeMap<>();
        KeyValueStore<String, Object> kv = driver.getKeyValueStore(store);
        try (KeyValueIterator<String, Object> all = kv.all()) {
            all.forEachRemaining(entry -> contents.put(entry.key, entry.value));
        }
        return contents;
    }

    /** The keys of every store that mention {@code execution}. */
    Map<String, List<String>> keysAbout(UUID execution) {
        Map<String, List<String>> keys = new java.util.TreeMap<>();
        for (String store : List.of(EngineTopology.EXECUTIONS_STORE, EngineTopology.STARTS_STORE,
                EngineTopology.STEP_OUTPUTS_STORE, EngineTopology.TOMBSTONES_STORE, EngineTopology.TIMERS_STORE,
                EngineTopology.EXPIRATIONS_STORE)) {
            List<String> about = contentsOf(store).keySet().stream()
                    .filter(key -> key.contains(execution.toString())).toList();
            if (!about.isEmpty()) {
                keys.put(store, about);
            }
        }
        return keys;
    }

    TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }

    private void collect() {
        for (TestRecord<String, byte[]> record : events.readRecordsToList()) {
            measure(TOPICS.executionEvents(), record);
            recorded.add(JsonCodec.instance().decode(record.value(), EventEnvelope.class));
        }
    }

    private void measure(String topic, TestRecord<String, byte[]> record) {
        largest.merge(topic, size(record), Math::max);
    }

    static int size(TestRecord<String, byte[]> record) {
        int headers = 0;
        for (org.apache.kafka.common.header.Header header : record.headers()) {
            headers += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return (record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length)
                + (record.value() == null ? 0 : record.value().length) + headers;
    }

    // --- workflows -------------------------------------------------------------------------------

    static StepSpec step(String name, Integer timeoutSeconds, String... dependsOn) {
        return new StepSpec(name, "task", 1, List.of(dependsOn), timeoutSeconds, null, null,
                Map.of("processing_type", "default"));
    }

    static WorkflowSnapshot workflow(int timeoutSeconds, StepSpec... steps) {
        return new WorkflowSnapshot(timeoutSeconds, 0, Map.of(), List.of(steps));
    }

    /** {@code length} steps, each depending on the one before. */
    static WorkflowSnapshot chain(int length) {
        List<StepSpec> steps = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            steps.add(i == 0 ? step("s0", null) : step("s" + i, null, "s" + (i - 1)));
        }
        return new WorkflowSnapshot(0, 0, Map.of(), steps);
    }
}
