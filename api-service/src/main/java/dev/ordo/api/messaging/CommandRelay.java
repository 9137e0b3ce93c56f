package dev.ordo.api.messaging;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands outbox rows to the producer (acks=all, idempotent) and tells {@link BrokerReachability} how
 * each send went. It never marks a row: whoever sent it does, once the returned future completed.
 */
@Component
class CommandRelay {

    private static final Logger log = LoggerFactory.getLogger(CommandRelay.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final BrokerReachability reachability;

    CommandRelay(KafkaTemplate<String, byte[]> kafka, BrokerReachability reachability) {
        this.kafka = kafka;
        this.reachability = reachability;
    }

    /** Completes when the broker acknowledged the row's record, exceptionally when it did not. */
    CompletableFuture<Void> send(OutboxRow row) {
        Instant attempted = reachability.now();
        CompletableFuture<?> acknowledged;
        try {
            acknowledged = kafka.send(row.topic(), row.key(), row.payload());
        } catch (RuntimeException e) {
            acknowledged = CompletableFuture.failedFuture(e);
        }
        return acknowledged.handle((result, error) -> {
            if (error == null) {
                reachability.acknowledged(attempted);
                return null;
            }
            recordFailure(row, attempted, error);
            throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
        });
    }

    /** A record the broker refuses for its own sake says nothing about the broker; the limits make it a defect. */
    private void recordFailure(OutboxRow row, Instant attempted, Throwable error) {
        if (causedBy(error, RecordTooLargeException.class)) {
            log.error("The broker refused outbox row {} (key {}) as too large; it stays unpublished", row.id(),
                    row.key(), error);
            return;
        }
        log.debug("Outbox row {} (key {}) not acknowledged: {}", row.id(), row.key(), error.toString());
        reachability.failed(attempted, error);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
