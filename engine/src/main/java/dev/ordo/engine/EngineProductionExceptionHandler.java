package dev.ordo.engine;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's policy for a record Kafka refused to take: never drop it. A dropped event would be a
 * gap in an execution's sequence, a dropped changelog record a hole in a store after restore. So a
 * retriable error is retried (the task's transaction aborts and its inputs are processed again);
 * any other fails the engine (health DOWN), with the record's topic and size in the log.
 *
 * <p>Oversized records never get here: the processor measures every record before it is written and
 * turns one above {@code RecordLimits.MAX_RECORD_BYTES} into an incident of its execution. A refusal
 * here means the cluster accepts less than that ({@code message.max.bytes}, {@code max.request.size}),
 * or the engine lacks a permission: a deployment error to fix, not an input to skip. Serialization
 * cannot fail either: the engine's sinks take bytes it encoded itself.
 */
public final class EngineProductionExceptionHandler implements ProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EngineProductionExceptionHandler.class);

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                     Exception exception) {
        if (exception instanceof RetriableException) {
            log.warn("Retrying a record for {} ({} bytes) that Kafka refused for now: {}", record.topic(), size(record),
                    exception.toString());
            return ProductionExceptionHandlerResponse.RETRY;
        }
        log.error("Kafka refused a record for {} ({} bytes); the engine stops rather than lose it", record.topic(),
                size(record), exception);
        return ProductionExceptionHandlerResponse.FAIL;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        log.error("Could not serialize a record for {}; the engine stops rather than lose it", record.topic(), exception);
        return ProductionExceptionHandlerResponse.FAIL;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    private static int size(ProducerRecord<byte[], byte[]> record) {
        return (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
    }
}
