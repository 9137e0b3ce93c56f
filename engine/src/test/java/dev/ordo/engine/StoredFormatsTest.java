package dev.ordo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.domain.execution.ExecutionState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Freezes what the engine keeps in its stores, so an upgrade cannot silently break restoring them
 * from their changelogs: every stored value has a golden file under
 * {@code src/test/resources/golden/stores/}, today's code writes exactly that and reads it back to an
 * equal value, and every key format is spelled out in {@code keys.txt}. Set {@code -Dgolden.write=true}
 * once to write the file of a NEW record; never to change an existing one.
 */
class StoredFormatsTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    static Stream<Arguments> values() {
        Stream<Arguments> records = Stream.of(
                Arguments.of("executions.json", StoredExecution.class, StoredSamples.storedExecution()),
                Arguments.of("execution-starts.json", ExecutionStarted.class, StoredSamples.START),
                Arguments.of("step-outputs.json", SpilledOutput.class, StoredSamples.SPILLED_OUTPUT),
                Arguments.of("tombstones.json", Tombstone.class, StoredSamples.TOMBSTONE));
        Stream<Arguments> timers = StoredSamples.TIMERS.entrySet().stream()
                .map(timer -> Arguments.of("timers/" + timer.getKey() + ".json", TimerFired.class, timer.getValue()));
        return Stream.concat(records, timers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void each_stored_value_is_written_and_read_exactly_as_its_golden_file(String file, Class<?> readAs, Object sample)
            throws IOException {
        writeIfAsked(file, pretty(sample));
        String golden = golden(file);
        assertThat(PLAIN.readTree(JsonCodec.instance().encodeToString(sample))).isEqualTo(PLAIN.readTree(golden));
        assertThat(JsonCodec.instance().decode(golden, readAs)).isEqualTo(sample);
    }

    @Test
    void every_timer_type_has_a_stored_sample() {
        assertThat(StoredSamples.TIMERS.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TimerFired.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    }

    @Test
    void the_stored_records_put_the_whole_state_back_together() throws IOException {
        ExecutionStore store = storeHolding(Map.of(
                EngineTopology.EXECUTIONS_STORE, Map.of(StoredSamples.EXECUTION.toString(), golden("executions.json")),
                EngineTopology.STARTS_STORE, Map.of(StoredSamples.EXECUTION.toString(), golden("execution-starts.json")),
                EngineTopology.STEP_OUTPUTS_STORE, Map.of(StoredSamples.EXECUTION + "|prepare", golden("step-outputs.json"))));

        assertThat(store.load(StoredSamples.EXECUTION).state()).isEqualTo(StoredSamples.wholeState());
    }

    @Test
    void a_state_stored_before_starts_and_outputs_were_kept_apart_is_still_read_whole() throws IOException {
        writeIfAsked("executions-before-issue-11.json", pretty(StoredSamples.wholeState()));
        ExecutionStore store = storeHolding(Map.of(EngineTopology.EXECUTIONS_STORE,
                Map.of(StoredSamples.EXECUTION.toString(), golden("executions-before-issue-11.json"))));

        ExecutionState state = store.load(StoredSamples.EXECUTION).state();
        assertThat(state).isEqualTo(StoredSamples.wholeState());
    }

    @Test
    void every_key_format_is_as_written_down() throws IOException {
        Instant due = StoredSamples.AT;
        List<String> keys = new java.util.ArrayList<>();
        keys.add("executions " + StoredSamples.EXECUTION);
        keys.add("execution-starts " + StoredSamples.EXECUTION);
        keys.add("tombstones " + StoredSamples.EXECUTION);
        keys.add("step-outputs " + ExecutionStore.outputKey(StoredSamples.EXECUTION, "prepare"));
        StoredSamples.TIMERS.values().stream().map(TimerBook::key).sorted().forEach(key -> keys.add("timers " + key));
        keys.add("expirations " + RetentionBook.finishedKey(due, StoredSamples.EXECUTION) + " = " + StoredSamples.EXECUTION);
        keys.add("expirations " + RetentionBook.tombstoneKey(due, StoredSamples.EXECUTION) + " = " + StoredSamples.EXECUTION);
        keys.add("expirations " + RetentionBook.FINISH_INDEX_PREFIX + StoredSamples.EXECUTION + " = "
                + RetentionBook.finishedKey(due, StoredSamples.EXECUTION));
        String text = String.join("\n", keys) + "\n";
        writeIfAsked("keys.txt", text);

        assertThat(text).isEqualTo(golden("keys.txt"));
    }

    /** An {@link ExecutionStore} over in-memory stores holding {@code contents} (store, key, JSON). */
    private static ExecutionStore storeHolding(Map<String, Map<String, String>> contents) {
        Map<String, KeyValueStore<String, byte[]>> stores = new java.util.HashMap<>();
        for (String name : List.of(EngineTopology.EXECUTIONS_STORE, EngineTopology.STARTS_STORE,
                EngineTopology.STEP_OUTPUTS_STORE, EngineTopology.TOMBSTONES_STORE)) {
            KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                    Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
            store.init(new MockProcessorContext<>().getStateStoreContext(), store);
            contents.getOrDefault(name, Map.of()).forEach((key, json) ->
                    store.put(key, json.getBytes(StandardCharsets.UTF_8)));
            stores.put(name, store);
        }
        return new ExecutionStore(stores.get(EngineTopology.EXECUTIONS_STORE), stores.get(EngineTopology.STARTS_STORE),
                stores.get(EngineTopology.STEP_OUTPUTS_STORE), stores.get(EngineTopology.TOMBSTONES_STORE));
    }

    private static String pretty(Object value) {
        return PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(
                PLAIN.readTree(JsonCodec.instance().encodeToString(value))) + "\n";
    }

    private static String golden(String file) throws IOException {
        try (InputStream in = StoredFormatsTest.class.getResourceAsStream("/golden/stores/" + file)) {
            assertThat(in).as("golden file stores/%s exists", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void writeIfAsked(String file, String content) throws IOException {
        Path path = Path.of("src/test/resources/golden/stores", file);
        if (Boolean.getBoolean("golden.write") && Files.notExists(path)) {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        }
    }
}
