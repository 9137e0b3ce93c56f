package dev.ordo.engine;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.RecordLimits;
import dev.ordo.contract.definition.StepKind;
import dev.ordo.contract.wire.TaskHeaders;
import dev.ordo.contract.wire.Topics;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The records one decision writes to topics, encoded once and measured before anything is sent:
 * each event under the execution id, each task under {@code <execution>:<step>} with the
 * {@link TaskHeaders} a worker needs to report on a task it cannot decode.
 */
final class Outbox {

    /** One record for a sink, with what it is for messages about it. */
    record Outgoing(String sink, String key, byte[] value, Headers headers, Supplier<String> label) {

        int size() {
            int size = key.getBytes(StandardCharsets.UTF_8).length + value.length;
            for (var header : headers) {
                size += header.key().length() + header.value().length;
            }
            return size;
        }
    }

    private final List<Outgoing> records;

    private Outbox(List<Outgoing> records) {
        this.records = List.copyOf(records);
    }

    static Outbox of(Decided decided) {
        List<Outgoing> records = new ArrayList<>();
        for (EventEnvelope envelope : decided.envelopes()) {
            records.add(new Outgoing(EngineTopology.EVENTS_SINK, envelope.executionId().toString(),
                    JsonCodec.instance().encode(envelope), new RecordHeaders(), () -> label(envelope.event())));
        }
        for (StepTask task : decided.tasks()) {
            records.add(new Outgoing(EngineTopology.TASKS_SINK, Topics.stepTaskKey(task.executionId(), task.stepName(),
                    task.attempt()),
                    JsonCodec.instance().encode(task), headers(task),
                    () -> "task for step '" + task.stepName() + "' attempt " + task.attempt()));
        }
        return new Outbox(records);
    }

    List<Outgoing> records() {
        return records;
    }

    /** Why a record cannot be sent (it is larger than {@link RecordLimits#MAX_RECORD_BYTES}), if one cannot. */
    Optional<String> oversized() {
        return records.stream().filter(record -> record.size() > RecordLimits.MAX_RECORD_BYTES).findFirst()
                .map(record -> tooLarge(record.label().get(), record.size()));
    }

    static String tooLarge(String what, int size) {
        return "Expected every record to fit in " + RecordLimits.MAX_RECORD_BYTES + " bytes, but the " + what + " is "
                + size + " bytes";
    }

    private static Headers headers(StepTask task) {
        Headers headers = new RecordHeaders();
        headers.add(TaskHeaders.EXECUTION_ID, utf8(task.executionId().toString()));
        headers.add(TaskHeaders.STEP_NAME, utf8(task.stepName()));
        headers.add(TaskHeaders.ATTEMPT, utf8(Integer.toString(task.attempt())));
        if (StepKind.of(task) instanceof StepKind.AgentTask agent && !agent.requiredCapabilities().isEmpty()) {
            headers.add(TaskHeaders.REQUIRED_CAPABILITIES,
                    utf8(String.join(",", new java.util.TreeSet<>(agent.requiredCapabilities()))));
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** "StepSucceeded event of step 'a'", or "ExecutionStarted event" for an event about no step. */
    private static String label(ExecutionEvent event) {
        String label = event.getClass().getSimpleName() + " event";
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("stepName")) {
                return label + " of step '" + stepName(event, component) + "'";
            }
        }
        return label;
    }

    private static Object stepName(ExecutionEvent event, RecordComponent component) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the step name of " + event, e);
        }
    }
}
