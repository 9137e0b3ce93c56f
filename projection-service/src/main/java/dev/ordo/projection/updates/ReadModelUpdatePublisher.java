package dev.ordo.projection.updates;

import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.ReadModelUpdate;
import dev.ordo.contract.wire.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link ReadModelUpdate}s on {@code workflow.read-model-updates} (key = execution id),
 * called only with the updates of a transaction that committed. It never throws and never waits
 * for an acknowledgement: a record that fails is counted ({@code ordo.projection.updates.failed})
 * and logged once per streak of failures, and when the producer cannot take a record at all (the
 * broker out of reach for {@code max.block.ms}) the rest of the call's updates are dropped with it,
 * so a broken notification path costs the projection at most that long per batch. Delivery is
 * therefore at most once per committed change, and at least once across redeliveries: readers
 * that must not miss anything re-read the read model.
 */
@Component
public class ReadModelUpdatePublisher {

    private static final Logger log = LoggerFactory.getLogger(ReadModelUpdatePublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Counter published;
    private final Counter failed;
    private final AtomicBoolean failing = new AtomicBoolean();

    ReadModelUpdatePublisher(KafkaTemplate<String, byte[]> kafka, Topics topics, MeterRegistry registry) {
        this.kafka = kafka;
        this.topic = topics.readModelUpdates();
        this.published = Counter.builder("ordo.projection.updates.published")
                .description("Read-model update notifications the broker acknowledged").register(registry);
        this.failed = Counter.builder("ordo.projection.updates.failed")
                .description("Read-model update notifications lost: not taken or not acknowledged").register(registry);
    }

    public void publish(List<ReadModelUpdate> updates) {
        for (int i = 0; i < updates.size(); i++) {
            ReadModelUpdate update = updates.get(i);
            try {
                kafka.send(topic, update.executionId().toString(), JsonCodec.instance().encode(update))
                        .whenComplete((result, error) -> acknowledged(error));
            } catch (RuntimeException e) {
                lost(updates.size() - i, e);
                return;
            }
        }
    }

    private void acknowledged(Throwable error) {
        if (error == null) {
            published.increment();
            if (failing.compareAndSet(true, false)) {
                log.info("Read-model update notifications are published again on {}", topic);
            }
        } else {
            lost(1, error);
        }
    }

    private void lost(int count, Throwable error) {
        failed.increment(count);
        if (failing.compareAndSet(false, true)) {
            log.warn("Could not publish {} read-model update notification(s) on {}; the read model is committed and "
                    + "moves on, readers re-read it (logged once until publishing works again): {}", count, topic,
                    error.toString());
        }
    }
}
