package dev.ordo.engine;

import dev.ordo.contract.wire.RecordLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The store writes of one decision, encoded and measured before any is made: each put becomes a
 * changelog record, which must fit in {@link RecordLimits#MAX_RECORD_BYTES} like any other.
 */
final class StoreWrites {

    private record Write(KeyValueStore<String, byte[]> store, String key, byte[] value, Supplier<String> label) {

        int size() {
            return key.getBytes(StandardCharsets.UTF_8).length + value.length;
        }
    }

    private final List<Write> writes = new ArrayList<>();

    void put(KeyValueStore<String, byte[]> store, String key, byte[] value, Supplier<String> label) {
        writes.add(new Write(store, key, value, label));
    }

    void delete(KeyValueStore<String, byte[]> store, String key) {
        writes.add(new Write(store, key, null, null));
    }

    /** Why a put cannot be made (its changelog record would be too large), if one cannot. */
    Optional<String> oversized() {
        return writes.stream()
                .filter(write -> write.value() != null && write.size() > RecordLimits.MAX_RECORD_BYTES)
                .findFirst()
                .map(write -> Outbox.tooLarge(write.label().get(), write.size()));
    }

    void apply() {
        for (Write write : writes) {
            if (write.value() == null) {
                write.store().delete(write.key());
            } else {
                write.store().put(write.key(), write.value());
            }
        }
    }
}
