package dev.ordo.engine;

import dev.ordo.contract.wire.JsonCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka (de)serialisation through the shared {@link JsonCodec}, for one declared type. */
final class CodecSerde<T> implements Serde<T> {

    private final Class<T> type;

    private CodecSerde(Class<T> type) {
        this.type = type;
    }

    static <T> CodecSerde<T> of(Class<T> type) {
        return new CodecSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : JsonCodec.instance().encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : JsonCodec.instance().decode(bytes, type);
    }
}
