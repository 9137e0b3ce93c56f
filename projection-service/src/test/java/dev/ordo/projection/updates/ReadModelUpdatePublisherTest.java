package dev.ordo.projection.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ordo.contract.wire.ReadModelUpdate;
import dev.ordo.contract.wire.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** A notification that cannot go out is counted and logged; it never fails or holds up the projection. */
class ReadModelUpdatePublisherTest {

    @SuppressWarnings("unchecked")
    final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ReadModelUpdatePublisher publisher = new ReadModelUpdatePublisher(kafka, new Topics("t"), registry);

    @Test
    void each_update_goes_out_keyed_by_its_execution_and_counts_when_acknowledged() {
        when(kafka.send(any(), any(), any())).thenReturn(CompletableFuture.completedFuture(null));
        ReadModelUpdate update = update();

        publisher.publish(List.of(update));

        verify(kafka).send(eq("t.read-model-updates"), eq(update.executionId().toString()), any());
        assertThat(count("ordo.projection.updates.published")).isEqualTo(1);
    }

    @Test
    void a_producer_that_cannot_take_a_record_drops_the_rest_of_the_batch_without_throwing() {
        when(kafka.send(any(), any(), any())).thenThrow(new TimeoutException("metadata not available after 2000 ms"));

        assertThatCode(() -> publisher.publish(List.of(update(), update(), update()))).doesNotThrowAnyException();

        verify(kafka, times(1)).send(any(), any(), any());
        assertThat(count("ordo.projection.updates.failed")).isEqualTo(3);
    }

    @Test
    void an_update_the_broker_never_acknowledges_is_counted_as_lost() {
        CompletableFuture<SendResult<String, byte[]>> failed = CompletableFuture.failedFuture(
                new TimeoutException("delivery timed out"));
        when(kafka.send(any(), any(), any())).thenReturn(failed);

        publisher.publish(List.of(update(), update()));

        assertThat(count("ordo.projection.updates.failed")).isEqualTo(2);
        assertThat(count("ordo.projection.updates.published")).isZero();
    }

    private double count(String name) {
        return registry.get(name).counter().count();
    }

    private static ReadModelUpdate update() {
        return new ReadModelUpdate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, "running",
                List.of(new ReadModelUpdate.AppliedEvent(1, "ExecutionStarted", null, Instant.now())));
    }
}
