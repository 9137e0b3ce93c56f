package dev.ordo.api.messaging;

import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends commands to {@code workflow.commands}, keyed by execution id, and returns only once the
 * broker has acknowledged them with acks=all.
 */
@Component
public class CommandPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Topics topics;
    private final Duration sendTimeout;

    CommandPublisher(KafkaTemplate<String, byte[]> kafka, Topics topics,
                     @Value("${ordo.commands.send-timeout:5s}") Duration sendTimeout) {
        this.kafka = kafka;
        this.topics = topics;
        this.sendTimeout = sendTimeout;
    }

    /** @throws BrokerUnavailableException when the broker does not acknowledge within the send timeout */
    public void publish(ExecutionCommand command) {
        byte[] payload = JsonCodec.instance().encode(command);
        try {
            kafka.send(topics.commands(), command.executionId().toString(), payload)
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while appending the command", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new BrokerUnavailableException("The event broker did not accept the command: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
