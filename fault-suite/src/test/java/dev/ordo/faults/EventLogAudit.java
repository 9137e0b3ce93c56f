package dev.ordo.faults;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The whole committed event log, read from {@code workflow.execution-events}, grouped by execution and
 * held to the log's invariants: each execution's sequence runs 1, 2, 3, ... without a gap or a
 * repeat; it has at most one terminal event; no step attempt has two outcomes; every record decodes.
 */
final class EventLogAudit {

    private final Map<String, List<EventEnvelope>> byExecution;
    private final List<String> unreadable;

    private EventLogAudit(Map<String, List<EventEnvelope>> byExecution, List<String> unreadable) {
        this.byExecution = byExecution;
        this.unreadable = unreadable;
    }

    static EventLogAudit read(String bootstrapServers) {
        String topic = Topics.withDefaultPrefix().executionEvents();
        Map<String, List<EventEnvelope>> byExecution = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        EventEnvelope envelope = JsonCodec.instance().decode(record.value(), EventEnvelope.class);
                        byExecution.computeIfAbsent(envelope.executionId().toString(), id -> new ArrayList<>())
                                .add(envelope);
                    } catch (RuntimeException e) {
                        unreadable.add(record.partition() + "@" + record.offset() + ": " + e.getMessage());
                    }
                }
            }
        }
        return new EventLogAudit(byExecution, unreadable);
    }

    /** Every break of the log's invariants, one line each; empty when the log is sound. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        unreadable.forEach(record -> violations.add("unreadable record " + record));
        byExecution.forEach((executionId, events) -> violations.addAll(violations(executionId, events)));
        return violations;
    }

    private static List<String> violations(String executionId, List<EventEnvelope> events) {
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).sequence() != i + 1) {
                violations.add(executionId + ": expected sequence " + (i + 1) + " at position " + (i + 1)
                        + ", but found " + events.get(i).sequence());
                break;
            }
        }
        long terminals = events.stream().filter(envelope -> isTerminal(envelope.event())).count();
        if (terminals > 1) {
            violations.add(executionId + ": expected at most one terminal event, but found " + terminals);
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (EventEnvelope envelope : events) {
            String attempt = attemptWithOutcome(envelope.event());
            if (attempt != null && outcomes.merge(attempt, 1, Integer::sum) == 2) {
                violations.add(executionId + ": step attempt " + attempt + " has two outcomes");
            }
        }
        return violations;
    }

    /**
     * The accepted executions not finished the way every workflow of the suite ends, completed: with
     * no events yet, still running, or ended otherwise. Empty when every one of them completed.
     */
    Map<String, String> notCompleted(Collection<String> accepted) {
        Map<String, String> unfinished = new TreeMap<>();
        for (String executionId : accepted) {
            List<EventEnvelope> events = byExecution.getOrDefault(executionId, List.of());
            String ending = events.stream().map(EventEnvelope::event).filter(EventLogAudit::isTerminal)
                    .map(event -> event.getClass().getSimpleName() + describe(event)).findFirst()
                    .orElse(events.isEmpty() ? "no events" : "running after " + events.size() + " events");
            if (!ending.equals("ExecutionCompleted")) {
                unfinished.put(executionId, ending);
            }
        }
        return unfinished;
    }

    /** Executions the log holds that are not finished (accepted or not: a 503 may still have started one). */
    List<String> unfinished() {
        return byExecution.entrySet().stream()
                .filter(entry -> entry.getValue().stream().noneMatch(envelope -> isTerminal(envelope.event())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** {@code execution id -> last sequence} of every execution in the log. */
    Map<String, Long> lastSequences() {
        Map<String, Long> last = new HashMap<>();
        byExecution.forEach((executionId, events) -> last.put(executionId, events.get(events.size() - 1).sequence()));
        return last;
    }

    /** How many step attempts {@code workerId} has started and not yet reported on. */
    long runningOn(String workerId) {
        long running = 0;
        for (List<EventEnvelope> events : byExecution.values()) {
            java.util.Set<String> started = new java.util.HashSet<>();
            for (EventEnvelope envelope : events) {
                if (envelope.event() instanceof StepStarted stepStarted && workerId.equals(stepStarted.workerId())) {
                    started.add(stepStarted.stepName() + "#" + stepStarted.attempt());
                }
                String ended = attemptWithOutcome(envelope.event());
                if (ended != null) {
                    started.remove(ended);
                }
            }
            running += started.size();
        }
        return running;
    }

    /** How many {@code StepSucceeded} events the committed log holds, over every execution. */
    long stepSuccesses() {
        return byExecution.values().stream().flatMap(List::stream)
                .filter(envelope -> envelope.event() instanceof StepSucceeded).count();
    }

    /** {@code step name -> how many StepSucceeded events} of one execution. */
    Map<String, Integer> successesPerStep(String executionId) {
        Map<String, Integer> successes = new TreeMap<>();
        for (EventEnvelope envelope : byExecution.getOrDefault(executionId, List.of())) {
            if (envelope.event() instanceof StepSucceeded succeeded) {
                successes.merge(succeeded.stepName(), 1, Integer::sum);
            }
        }
        return successes;
    }

    /** How many worker reports the engine rejected ({@code CommandRejected} naming a step), over every execution. */
    long rejectedReports() {
        return byExecution.values().stream().flatMap(List::stream)
                .filter(envelope -> envelope.event() instanceof CommandRejected rejected && rejected.stepName() != null)
                .count();
    }

    int executions() {
        return byExecution.size();
    }

    long events() {
        return byExecution.values().stream().mapToLong(List::size).sum();
    }

    private static boolean isTerminal(ExecutionEvent event) {
        return event instanceof ExecutionCompleted || event instanceof ExecutionFailed
                || event instanceof ExecutionCancelled || event instanceof ExecutionTimedOut
                || event instanceof ExecutionRejected;
    }

    private static String describe(ExecutionEvent event) {
        return event instanceof ExecutionCompleted ? "" : " " + event;
    }

    private static String attemptWithOutcome(ExecutionEvent event) {
        if (event instanceof StepSucceeded succeeded) {
            return succeeded.stepName() + "#" + succeeded.attempt();
        }
        if (event instanceof StepFailed failed) {
            return failed.stepName() + "#" + failed.attempt();
        }
        if (event instanceof StepTimedOut timedOut) {
            return timedOut.stepName() + "#" + timedOut.attempt();
        }
        return null;
    }
}
