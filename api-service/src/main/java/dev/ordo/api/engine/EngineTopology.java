package dev.ordo.api.engine;

import dev.ordo.events.execution.EngineInput;
import dev.ordo.events.execution.ExecutionCommand;
import dev.ordo.events.execution.ExecutionState;
import dev.ordo.events.execution.StepReport;
import dev.ordo.events.wire.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The engine as a Kafka Streams topology: commands and step reports (co-partitioned by execution
 * id) flow into one processor that owns the {@value #EXECUTIONS_STORE} store; it writes events to
 * the event log and tasks for the workers. Run with {@code exactly_once_v2}, so state, events,
 * tasks and input offsets commit together.
 */
public final class EngineTopology {

    public static final String EXECUTIONS_STORE = "executions";
    static final String EVENTS_SINK = "execution-events";
    static final String TASKS_SINK = "step-tasks";

    private EngineTopology() {
    }

    public static Topology build(Topics topics) {
        Deserializer<EngineInput> commands = widen(CodecSerde.of(ExecutionCommand.class).deserializer());
        Deserializer<EngineInput> reports = widen(CodecSerde.of(StepReport.class).deserializer());
        Serializer<Object> json = CodecSerde.of(Object.class).serializer();
        Serializer<String> keys = Serdes.String().serializer();

        Topology topology = new Topology();
        topology.addSource("commands", Serdes.String().deserializer(), commands, topics.commands());
        topology.addSource("step-reports", Serdes.String().deserializer(), reports, topics.stepReports());
        topology.addProcessor("engine", ExecutionProcessor::new, "commands", "step-reports");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EXECUTIONS_STORE),
                Serdes.String(), CodecSerde.of(ExecutionState.class)), "engine");
        topology.addSink(EVENTS_SINK, topics.executionEvents(), keys, json, "engine");
        topology.addSink(TASKS_SINK, topics.stepTasks(), keys, json, "engine");
        return topology;
    }

    private static Deserializer<EngineInput> widen(Deserializer<? extends EngineInput> narrow) {
        return (topic, bytes) -> narrow.deserialize(topic, bytes);
    }
}
