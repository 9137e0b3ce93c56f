package dev.ordo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.junit.jupiter.api.Test;

/** A record Kafka refused is retried when the error is transient, and never dropped. */
class EngineProductionExceptionHandlerTest {

    final EngineProductionExceptionHandler handler = new EngineProductionExceptionHandler();
    final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("workflow.execution-events", new byte[36], new byte[10]);

    @Test
    void a_transient_refusal_is_retried() {
        assertThat(handler.handle(null, record, new TimeoutException("broker busy")))
                .isEqualTo(ProductionExceptionHandlerResponse.RETRY);
    }

    @Test
    void a_record_the_broker_will_never_take_stops_the_engine_instead_of_being_dropped() {
        assertThat(handler.handle(null, record, new RecordTooLargeException("too large")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        assertThat(handler.handleSerializationException(null, record, new IllegalStateException("bug"),
                SerializationExceptionOrigin.VALUE)).isEqualTo(ProductionExceptionHandlerResponse.FAIL);
    }
}
