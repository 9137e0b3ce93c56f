package dev.ordo.engine;

import dev.ordo.contract.execution.EngineInput;

/**
 * One record from the engine's input topics as the engine could read it: an input, or the bytes of
 * one it could not read. Decoding never throws, so an unreadable record reaches the processor and
 * is recorded against its execution instead of being dropped before it.
 */
sealed interface Inbound permits Inbound.Readable, Inbound.Unreadable {

    record Readable(EngineInput input) implements Inbound {
    }

    /**
     * @param family the type the topic carries ({@code ExecutionCommand} or {@code StepReport})
     * @param raw the record's value, or null when it had none
     * @param error why it could not be read
     */
    record Unreadable(Class<? extends EngineInput> family, byte[] raw, String error) implements Inbound {
    }
}
