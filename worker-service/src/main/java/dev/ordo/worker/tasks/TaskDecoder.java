package dev.ordo.worker.tasks;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.TaskHeaders;
import dev.ordo.worker.tasks.DecodedTask.Readable;
import dev.ordo.worker.tasks.DecodedTask.Unattributable;
import dev.ordo.worker.tasks.DecodedTask.Unreadable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a record of the tasks topic. It is {@link Readable} when it decodes as a {@link StepTask}
 * with an execution id, a step name, an attempt of at least 1, a config and an input. Otherwise the
 * attempt it is about is pieced together field by field, each from the first source that has it:
 * the {@link TaskHeaders}, then the key ({@code <execution id>:<step name>}), then the fields
 * {@code execution_id}, {@code step_name} and {@code attempt} of the value read as plain JSON.
 */
final class TaskDecoder {

    private TaskDecoder() {
    }

    static DecodedTask decode(ConsumerRecord<String, byte[]> record) {
        String problem;
        try {
            StepTask task = record.value() == null ? null : JsonCodec.instance().decode(record.value(), StepTask.class);
            problem = problemWith(task);
            if (problem == null) {
                return new Readable(task);
            }
        } catch (RuntimeException e) {
            problem = firstLine(e.getMessage());
        }
        return attributed(record, problem);
    }

    private static String problemWith(StepTask task) {
        String missing = task == null ? "a value"
                : task.executionId() == null ? "an execution id"
                : task.stepName() == null || task.stepName().isBlank() ? "a step name"
                : task.attempt() < 1 ? "an attempt of at least 1"
                : task.config() == null ? "a config"
                : task.input() == null ? "an input"
                : null;
        return missing == null ? null : "Expected the task to have " + missing + ", but it has none";
    }

    private static DecodedTask attributed(ConsumerRecord<String, byte[]> record, String problem) {
        Map<?, ?> fields = fields(record.value());
        UUID execution = first(() -> uuid(header(record, TaskHeaders.EXECUTION_ID)),
                () -> uuid(keyPart(record.key(), 0)), () -> uuid(fields.get("execution_id")));
        String step = first(() -> text(header(record, TaskHeaders.STEP_NAME)), () -> text(keyPart(record.key(), 1)),
                () -> text(fields.get("step_name")));
        Integer attempt = first(() -> attempt(header(record, TaskHeaders.ATTEMPT)),
                () -> attempt(keyPart(record.key(), 2)), () -> attempt(fields.get("attempt")));
        if (execution == null || step == null || attempt == null) {
            return new Unattributable(problem);
        }
        return new Unreadable(execution, step, attempt, problem);
    }

    /** The first value a source has, or null. */
    @SafeVarargs
    private static <T> T first(Supplier<T>... sources) {
        for (Supplier<T> source : sources) {
            T value = source.get();
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Map<?, ?> fields(byte[] value) {
        try {
            Object tree = value == null ? null : JsonCodec.instance().decode(value, Object.class);
            return tree instanceof Map<?, ?> map ? map : Map.of();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Part 0 (execution id) or 1 (step name) of a key {@code <execution id>:<step name>}; ids hold no colon. */
    /**
     * Part 0 (execution id), 1 (step name) or 2 (attempt) of a task key
     * {@code <execution>:<step>:<attempt>}, or of the older {@code <execution>:<step>} (no attempt).
     */
    private static String keyPart(String key, int part) {
        int first = key == null ? -1 : key.indexOf(':');
        if (first < 0) {
            return null;
        }
        int last = key.lastIndexOf(':');
        boolean withAttempt = last > first && key.substring(last + 1).matches("[0-9]+");
        if (part == 0) {
            return key.substring(0, first);
        }
        if (part == 1) {
            return withAttempt ? key.substring(first + 1, last) : key.substring(first + 1);
        }
        return withAttempt ? key.substring(last + 1) : null;
    }

    private static UUID uuid(Object value) {
        try {
            return value instanceof String text ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static Integer attempt(Object value) {
        try {
            int attempt = value instanceof Number number ? number.intValue()
                    : value instanceof String text ? Integer.parseInt(text.trim()) : 0;
            return attempt >= 1 ? attempt : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
