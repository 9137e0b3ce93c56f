package dev.ordo.engine;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.engine.Inbound.Readable;
import dev.ordo.engine.Inbound.Unreadable;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;

/** Reads a command or report; what it cannot read becomes {@link Unreadable}, never an exception. */
final class InboundDeserializer implements Deserializer<Inbound> {

    static final int MAX_ERROR_CHARS = 500;

    private final Class<? extends EngineInput> family;

    InboundDeserializer(Class<? extends EngineInput> family) {
        this.family = family;
    }

    @Override
    public Inbound deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return new Unreadable(family, null, "the record has no value");
        }
        try {
            EngineInput input = JsonCodec.instance().decode(bytes, family);
            if (input == null || input.executionId() == null) {
                return new Unreadable(family, bytes, "it has no execution_id");
            }
            return new Readable(input);
        } catch (RuntimeException e) {
            return new Unreadable(family, bytes, "it could not be decoded: " + describe(e));
        }
    }

    private static String describe(RuntimeException failure) {
        String message = failure instanceof JacksonException jackson ? jackson.getOriginalMessage() : failure.toString();
        return FailureText.shortened(message == null ? failure.getClass().getSimpleName() : message, MAX_ERROR_CHARS);
    }
}
