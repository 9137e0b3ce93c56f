package dev.ordo.api.messaging;

/**
 * One command written to {@code api.command_outbox}, as it goes on the topic: what
 * {@link CommandOutbox#append} returns and {@link CommandOutbox#publish} takes after the commit.
 *
 * @param opensExecution true for a {@code StartExecution}: the first command of its key, so no
 *     earlier command of the same execution can be waiting
 */
public record OutboxRow(long id, String key, String topic, byte[] payload, boolean opensExecution) {
}
