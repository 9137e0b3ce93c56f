package dev.ordo.engine;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.wire.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The engine as a Kafka Streams topology: commands and step reports (co-partitioned by execution
 * id) flow into one processor that owns three stores: {@value #EXECUTIONS_STORE} (state per
 * execution), {@value #TIMERS_STORE} (pending timers, keyed by due time) and
 * {@value #EXPIRATIONS_STORE} (when finished executions are removed). It writes events to the event
 * log and tasks for the workers. Run with {@code exactly_once_v2}, so state, timers, events, tasks
 * and input offsets commit together.
 */
public final class EngineTopology {

    public static final String EXECUTIONS_STORE = "executions";
    public static final String TIMERS_STORE = "timers";
    public static final String EXPIRATIONS_STORE = "expirations";
    static final String EVENTS_SINK = "execution-events";
    static final String TASKS_SINK = "step-tasks";

    private EngineTopology() {
    }

    public static Topology build(Topics topics, EngineOptions options) {
        Deserializer<EngineInput> commands = widen(CodecSerde.of(ExecutionCommand.class).deserializer());
        Deserializer<EngineInput> reports = widen(CodecSerde.of(StepReport.class).deserializer());
        Serializer<Object> json = CodecSerde.of(Object.class).serializer();
        Serializer<String> keys = Serdes.String().serializer();

        Topology topology = new Topology();
        topology.addSource("commands", Serdes.String().deserializer(), commands, topics.commands());
        topology.addSource("step-reports", Serdes.String().deserializer(), reports, topics.stepReports());
        topology.addProcessor("engine", () -> new ExecutionProcessor(options), "commands", "step-reports");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EXECUTIONS_STORE),
                Serdes.String(), CodecSerde.of(ExecutionState.class)), "engine");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMERS_STORE),
                Serdes.String(), CodecSerde.of(TimerFired.class)), "engine");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EXPIRATIONS_STORE),
                Serdes.String(), Serdes.String()), "engine");
        topology.addSink(EVENTS_SINK, topics.executionEvents(), keys, json, "engine");
        topology.addSink(TASKS_SINK, topics.stepTasks(), keys, json, "engine");
        return topology;
    }

    private static Deserializer<EngineInput> widen(Deserializer<? extends EngineInput> narrow) {
        return (topic, bytes) -> narrow.deserialize(topic, bytes);
    }
}
