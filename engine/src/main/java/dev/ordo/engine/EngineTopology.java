package dev.ordo.engine;

import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.wire.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The engine as a Kafka Streams topology: commands and step reports (co-partitioned by execution
 * id) flow into one processor that owns its stores, and it writes events to the event log and
 * tasks for the workers (each on the task topic of its step's required capabilities, {@link TaskTopics}). Run with {@code exactly_once_v2}, so stores, events, tasks and input
 * offsets commit together.
 *
 * <p>The stores, and what bounds their records below Kafka's limit:
 * <ul>
 *   <li>{@value #EXECUTIONS_STORE}: a {@link StoredExecution} per live execution (see {@link ExecutionStore});</li>
 *   <li>{@value #STARTS_STORE}: each live execution's start, definition and inputs, written once;</li>
 *   <li>{@value #STEP_OUTPUTS_STORE}: large step outputs and errors ({@link OutputSpill});</li>
 *   <li>{@value #TOMBSTONES_STORE}: a {@link Tombstone} per retired execution;</li>
 *   <li>{@value #TIMERS_STORE}: pending timers keyed by due time ({@link TimerBook});</li>
 *   <li>{@value #EXPIRATIONS_STORE}: when finished executions and tombstones go ({@link RetentionBook}).</li>
 * </ul>
 */
public final class EngineTopology {

    public static final String EXECUTIONS_STORE = "executions";
    public static final String STARTS_STORE = "execution-starts";
    public static final String STEP_OUTPUTS_STORE = "step-outputs";
    public static final String TOMBSTONES_STORE = "tombstones";
    public static final String TIMERS_STORE = "timers";
    public static final String EXPIRATIONS_STORE = "expirations";
    static final String PROCESSOR = "engine";
    static final String EVENTS_SINK = "execution-events";
    static final String TASKS_SINK = "step-tasks";

    private EngineTopology() {
    }

    public static Topology build(Topics topics, EngineOptions options) {
        return build(topics, options, new EngineCounters());
    }

    public static Topology build(Topics topics, EngineOptions options, EngineCounters counters) {
        return build(topics, options, counters, Deciding::byTheDomain, topic -> {
        });
    }

    static Topology build(Topics topics, EngineOptions options, EngineCounters counters, Deciding deciding) {
        return build(topics, options, counters, deciding, topic -> {
        });
    }

    /** @param taskTopics creates a capability task topic the first time a task is routed to it ({@link TaskTopics}) */
    static Topology build(Topics topics, EngineOptions options, EngineCounters counters, Deciding deciding,
                          TaskTopics.Creator taskTopics) {
        Topology topology = new Topology();
        topology.addSource("commands", Serdes.String().deserializer(),
                new InboundDeserializer(ExecutionCommand.class), topics.commands());
        topology.addSource("step-reports", Serdes.String().deserializer(),
                new InboundDeserializer(StepReport.class), topics.stepReports());
        topology.addProcessor(PROCESSOR, () -> new ExecutionProcessor(options, counters, deciding),
                "commands", "step-reports");
        for (String store : new String[] {EXECUTIONS_STORE, STARTS_STORE, STEP_OUTPUTS_STORE, TOMBSTONES_STORE}) {
            topology.addStateStore(Stores.keyValueStoreBuilder(persistent(store), Serdes.String(), Serdes.ByteArray())
                    .withCachingEnabled(), PROCESSOR);
        }
        topology.addStateStore(Stores.keyValueStoreBuilder(persistent(TIMERS_STORE), Serdes.String(),
                CodecSerde.of(TimerFired.class)).withCachingEnabled(), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(persistent(EXPIRATIONS_STORE), Serdes.String(),
                Serdes.String()).withCachingEnabled(), PROCESSOR);
        topology.addSink(EVENTS_SINK, topics.executionEvents(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(TASKS_SINK, new TaskTopics(topics, taskTopics), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        return topology;
    }

    private static KeyValueBytesStoreSupplier persistent(String name) {
        return Stores.persistentKeyValueStore(name);
    }
}
