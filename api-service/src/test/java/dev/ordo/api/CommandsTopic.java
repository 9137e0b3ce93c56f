package dev.ordo.api;

import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.wire.JsonCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What api-service appended to {@code workflow.commands} from the moment this reader was opened:
 * a consumer of every partition that starts at their current ends and keeps what it reads.
 */
public final class CommandsTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ExecutionCommand> seen = new ArrayList<>();

    private CommandsTopic(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Opens a reader positioned at the current end of {@code topic}. */
    public static CommandsTopic fromNow(String bootstrapServers, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new CommandsTopic(consumer);
    }

    /** Every command read so far, after a poll for more. */
    public synchronized List<ExecutionCommand> commands() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(JsonCodec.instance().decode(record.value(), ExecutionCommand.class));
        }
        return List.copyOf(seen);
    }

    /** The starts read so far whose inputs hold {@code key} with {@code value}. */
    public List<StartExecution> startsWithInput(String key, Object value) {
        return starts(start -> start.inputs() != null && Objects.equals(start.inputs().get(key), value));
    }

    public List<ExecutionCommand> commandsFor(UUID executionId) {
        return commands().stream().filter(command -> command.executionId().equals(executionId)).toList();
    }

    private List<StartExecution> starts(Predicate<StartExecution> which) {
        return commands().stream()
                .filter(StartExecution.class::isInstance)
                .map(StartExecution.class::cast)
                .filter(which)
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
