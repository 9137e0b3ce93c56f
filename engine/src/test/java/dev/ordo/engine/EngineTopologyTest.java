package dev.ordo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.execution.ExecutionCommand.CancelExecution;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.domain.execution.Timers;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine topology on Kafka Streams' test driver; timers driven by the driver's wall clock. */
class EngineTopologyTest {

    static final Topics TOPICS = Topics.withDefaultPrefix();
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final EngineOptions OPTIONS = new EngineOptions(Duration.ofMillis(100), Duration.ofMinutes(10), 0);
    static final Map<String, Object> NO_BACKOFF_JITTER = Map.of("retry_policy",
            Map.of("initial_delay_ms", 500, "multiplier", 2, "jitter", 0));

    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> commands;
    TestInputTopic<String, byte[]> reports;
    TestOutputTopic<String, byte[]> events;
    TestOutputTopic<String, byte[]> tasks;
    final UUID execution = UUID.randomUUID();

    @BeforeEach
    void startDriver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "engine-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(EngineTopology.build(TOPICS, OPTIONS), config, START);
        commands = driver.createInputTopic(TOPICS.commands(), new StringSerializer(), new ByteArraySerializer());
        reports = driver.createInputTopic(TOPICS.stepReports(), new StringSerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(TOPICS.executionEvents(), new StringDeserializer(), new ByteArrayDeserializer());
        tasks = driver.createOutputTopic(TOPICS.stepTasks(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void a_start_records_numbered_events_and_hands_the_entry_step_to_the_workers_with_its_deadline() {
        start(workflow(60, 0, Map.of(), step("fetch", 5)));

        List<KeyValue<String, byte[]>> recorded = events.readKeyValuesToList();
        assertThat(recorded).extracting(kv -> kv.key).containsOnly(execution.toString());
        List<EventEnvelope> envelopes = recorded.stream().map(kv -> decode(kv.value, EventEnvelope.class)).toList();
        assertThat(envelopes).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        assertThat(envelopes.get(0).event()).isInstanceOf(ExecutionStarted.class);
        assertThat(envelopes.get(1).event()).isEqualTo(new StepScheduled("fetch", 1, Map.of("x", 1), START.plusSeconds(5)));

        KeyValue<String, byte[]> task = tasks.readKeyValue();
        assertThat(task.key).isEqualTo(Topics.stepTaskKey(execution, "fetch", 1));
        assertThat(decode(task.value, StepTask.class).deadline()).isEqualTo(START.plusSeconds(5));
    }

    @Test
    void an_agent_task_goes_to_the_topic_of_its_required_capabilities_and_a_plain_task_to_the_plain_topic() {
        TestOutputTopic<String, byte[]> gpuTasks = driver.createOutputTopic(TOPICS.stepTasks(List.of("de", "gpu")),
                new StringDeserializer(), new ByteArrayDeserializer());
        start(workflow(60, 0, Map.of(), new StepSpec("ocr", "agent", 1, List.of(), null, null, null,
                Map.of("processing_type", "default", "required_capabilities", List.of("gpu", "de"))), step("plain", null)));

        KeyValue<String, byte[]> routed = gpuTasks.readKeyValue();
        assertThat(decode(routed.value, StepTask.class).stepName()).isEqualTo("ocr");
        assertThat(gpuTasks.isEmpty()).isTrue();
        assertThat(tasks.readValuesToList()).extracting(value -> decode(value, StepTask.class).stepName())
                .containsExactly("plain");
    }

    @Test
    void a_success_report_completes_the_execution_and_clears_its_timers() {
        start(workflow(60, 0, Map.of(), step("fetch", 5)));
        drain();
        report(new StepSucceededReport(execution, "fetch", 1, Map.of("rows", 3)));

        assertThat(readEvents()).extracting(EventEnvelope::event).containsExactly(
                new StepSucceeded("fetch", 1, Map.of("rows", 3)), new ExecutionCompleted());
        assertThat(timerKeys()).isEmpty();
    }

    @Test
    void an_attempt_that_misses_its_deadline_times_out_and_is_retried_after_the_backoff() {
        start(workflow(60, 1, NO_BACKOFF_JITTER, step("fetch", 2)));
        drain();
        report(new StepStartedReport(execution, "fetch", 1, "w1"));
        drain();

        driver.advanceWallClockTime(Duration.ofMillis(2100));
        List<EventEnvelope> timedOut = readEvents();
        assertThat(timedOut).extracting(EventEnvelope::event).containsExactly(
                new StepTimedOut("fetch", 1, "attempt 1 timed out after 2s"),
                new StepRetryScheduled("fetch", 2, timedOut.get(0).occurredAt().plusMillis(500), 500));
        assertThat(tasks.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(600));
        assertThat(readEvents()).extracting(EventEnvelope::event).singleElement()
                .isInstanceOfSatisfying(StepScheduled.class, scheduled -> assertThat(scheduled.attempt()).isEqualTo(2));
        assertThat(decode(tasks.readValue(), StepTask.class).attempt()).isEqualTo(2);

        report(new StepSucceededReport(execution, "fetch", 1, Map.of("late", true)));
        assertThat(readEvents()).extracting(EventEnvelope::event).singleElement()
                .isInstanceOfSatisfying(CommandRejected.class, rejected ->
                        assertThat(rejected.reason()).contains("attempt 2, but it is for attempt 1"));
    }

    @Test
    void the_workflow_deadline_times_the_execution_out() {
        start(workflow(3, 0, Map.of(), step("fetch", null)));
        drain();

        driver.advanceWallClockTime(Duration.ofMillis(2900));
        assertThat(events.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMillis(200));
        assertThat(readEvents()).extracting(EventEnvelope::event)
                .containsExactly(new ExecutionTimedOut("Execution exceeded its timeout of 3s"));
        assertThat(timerKeys()).isEmpty();
    }

    @Test
    void a_delay_step_is_a_durable_timer_that_completes_without_a_worker() {
        StepSpec wait = new StepSpec("wait", "task", 1, List.of(), null, null, null,
                Map.of("processing_type", "delay", "delay_ms", 1000));
        start(workflow(60, 0, Map.of(), wait));
        assertThat(readEvents()).extracting(EventEnvelope::event).last().isInstanceOf(DelayStarted.class);
        assertThat(tasks.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(1100));
        assertThat(readEvents()).extracting(EventEnvelope::event)
                .containsExactly(new StepSucceeded("wait", 0, Map.of("x", 1)), new ExecutionCompleted());
    }

    @Test
    void the_timer_store_holds_exactly_the_timers_the_stored_state_needs() {
        start(workflow(60, 1, NO_BACKOFF_JITTER, step("a", 2), step("b", null)));
        drain();
        driver.advanceWallClockTime(Duration.ofMillis(2100));
        drain();

        ExecutionState state = stateOf(execution);
        KeyValueStore<String, TimerFired> store = driver.getKeyValueStore(EngineTopology.TIMERS_STORE);
        List<TimerFired> stored = new java.util.ArrayList<>();
        try (KeyValueIterator<String, TimerFired> all = store.all()) {
            all.forEachRemaining(kv -> stored.add(kv.value));
        }
        assertThat(new HashSet<>(stored)).isEqualTo(Timers.pending(state)).hasSize(2);
        assertThat(timerKeys()).isSorted();
    }

    @Test
    void a_finished_execution_is_kept_whole_for_the_retention_then_only_its_tombstone_is_left() {
        start(workflow(60, 0, Map.of(), step("fetch", null)));
        drain();
        commands.pipeInput(execution.toString(), JsonCodec.instance().encode(
                new CancelExecution(execution, "stop", START)));
        assertThat(readEvents()).extracting(EventEnvelope::event).containsExactly(new ExecutionCancelled("stop"));

        report(new StepSucceededReport(execution, "fetch", 1, Map.of()));
        assertThat(readEvents()).extracting(EventEnvelope::event).singleElement().isInstanceOf(CommandRejected.class);
        assertThat(stateOf(execution).definition()).isNotNull();

        driver.advanceWallClockTime(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(stored(EngineTopology.EXECUTIONS_STORE)).isNull();
        assertThat(stored(EngineTopology.STARTS_STORE)).isNull();
        assertThat(decode(stored(EngineTopology.TOMBSTONES_STORE), Tombstone.class))
                .isEqualTo(new Tombstone(dev.ordo.contract.execution.ExecutionStatus.CANCELLED, 4));
        report(new StepSucceededReport(execution, "fetch", 1, Map.of()));
        assertThat(readEvents()).singleElement().satisfies(envelope -> {
            assertThat(envelope.sequence()).isEqualTo(5);
            assertThat(envelope.event()).isInstanceOf(CommandRejected.class);
        });
    }

    @Test
    void a_report_for_an_execution_never_started_is_dropped() {
        report(new StepStartedReport(execution, "fetch", 1, "w1"));
        assertThat(events.isEmpty()).isTrue();
        assertThat(tasks.isEmpty()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------

    static StepSpec step(String name, Integer timeoutSeconds) {
        return new StepSpec(name, "task", 1, List.of(), timeoutSeconds, null, null, Map.of("processing_type", "default"));
    }

    static WorkflowSnapshot workflow(int timeoutSeconds, int maxRetries, Map<String, Object> config, StepSpec... steps) {
        return new WorkflowSnapshot(timeoutSeconds, maxRetries, config, List.of(steps));
    }

    void start(WorkflowSnapshot definition) {
        ExecutionCommand start = new StartExecution(execution, UUID.randomUUID(), 1, UUID.randomUUID(), null,
                definition, Map.of("x", 1), START);
        commands.pipeInput(execution.toString(), JsonCodec.instance().encode(start));
    }

    void report(StepReport report) {
        reports.pipeInput(execution.toString(), JsonCodec.instance().encode(report));
    }

    List<EventEnvelope> readEvents() {
        return events.readValuesToList().stream().map(bytes -> decode(bytes, EventEnvelope.class)).toList();
    }

    void drain() {
        events.readValuesToList();
        tasks.readValuesToList();
    }

    ExecutionState stateOf(UUID id) {
        return new ExecutionStore(driver.getKeyValueStore(EngineTopology.EXECUTIONS_STORE),
                driver.getKeyValueStore(EngineTopology.STARTS_STORE),
                driver.getKeyValueStore(EngineTopology.STEP_OUTPUTS_STORE),
                driver.getKeyValueStore(EngineTopology.TOMBSTONES_STORE)).load(id).state();
    }

    byte[] stored(String store) {
        KeyValueStore<String, byte[]> values = driver.getKeyValueStore(store);
        return values.get(execution.toString());
    }

    List<String> timerKeys() {
        KeyValueStore<String, TimerFired> store = driver.getKeyValueStore(EngineTopology.TIMERS_STORE);
        List<String> keys = new java.util.ArrayList<>();
        try (KeyValueIterator<String, TimerFired> all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    static <T> T decode(byte[] bytes, Class<T> type) {
        return JsonCodec.instance().decode(bytes, type);
    }

}
