package dev.ordo.projection.readmodel;

import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import java.util.UUID;

/**
 * One record of the event log as the projection received it: where it sits in the log, its raw
 * bytes, and either the envelope they decode to or why they do not decode.
 *
 * @param key the record key, which the engine sets to the execution id
 * @param envelope null when the record is undecodable
 * @param decodeError why the record is undecodable, or null
 */
public record EventRecord(String topic, int partition, long offset, String key, byte[] value, EventEnvelope envelope,
                          String decodeError) {

    /** Decodes {@code value}; an envelope without execution id, sequence, time or event counts as undecodable. */
    public static EventRecord decode(String topic, int partition, long offset, String key, byte[] value) {
        try {
            EventEnvelope envelope = JsonCodec.instance().decode(value, EventEnvelope.class);
            String missing = missingPart(envelope);
            if (missing != null) {
                return new EventRecord(topic, partition, offset, key, value, null,
                        "Expected an event envelope with " + missing + ", but it has none");
            }
            return new EventRecord(topic, partition, offset, key, value, envelope, null);
        } catch (RuntimeException e) {
            return new EventRecord(topic, partition, offset, key, value, null, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    public boolean isDecoded() {
        return envelope != null;
    }

    /** The envelope's execution, else the key's; null when neither names one. */
    public UUID executionId() {
        if (envelope != null) {
            return envelope.executionId();
        }
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The envelope's sequence, or null when undecodable. */
    public Long sequence() {
        return envelope == null ? null : envelope.sequence();
    }

    /** The event's type name, e.g. {@code StepScheduled}, or null when undecodable. */
    public String eventType() {
        return envelope == null ? null : envelope.event().getClass().getSimpleName();
    }

    /** {@code topic-partition@offset}, as logs name a record. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }

    private static String missingPart(EventEnvelope envelope) {
        if (envelope == null) {
            return "a body";
        } else if (envelope.executionId() == null) {
            return "an execution_id";
        } else if (envelope.sequence() < 1) {
            return "a sequence from 1";
        } else if (envelope.occurredAt() == null) {
            return "an occurred_at";
        } else if (envelope.event() == null) {
            return "an event";
        }
        return null;
    }
}
