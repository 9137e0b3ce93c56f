package dev.ordo.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.TimerFired;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Freezes the wire format: every message type has a golden JSON file under
 * {@code src/test/resources/golden/}, today's code writes exactly that JSON, and reads it back to
 * an equal value. Set {@code -Dgolden.write=true} once to write the files for a NEW type; never to
 * change an existing one.
 */
class GoldenSamplesTest {

    private static final JsonCodec CODEC = JsonCodec.instance();
    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    static Stream<Arguments> samples() {
        return Stream.of(family("events", ExecutionEvent.class, WireSamples.EVENTS),
                        family("commands", ExecutionCommand.class, WireSamples.COMMANDS),
                        family("reports", StepReport.class, WireSamples.REPORTS),
                        family("timers", TimerFired.class, WireSamples.TIMERS),
                        family("wire", Object.class, WireSamples.OTHERS))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> family(String folder, Class<?> readAs, Map<String, Object> samples) {
        return samples.entrySet().stream()
                .map(e -> Arguments.of(folder + "/" + e.getKey() + ".json", readAs, e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void each_message_is_written_and_read_exactly_as_its_golden_file(String file, Class<?> readAs, Object sample)
            throws IOException {
        writeGoldenIfAsked(file, sample);
        String golden = golden(file);
        assertThat(PLAIN.readTree(CODEC.encodeToString(sample))).isEqualTo(PLAIN.readTree(golden));
        Class<?> target = readAs == Object.class ? sample.getClass() : readAs;
        assertThat(CODEC.decode(golden, target)).isEqualTo(sample);
    }

    @Test
    void every_permitted_event_command_report_and_timer_type_has_a_sample() {
        assertThat(WireSamples.EVENTS.keySet()).containsExactlyInAnyOrderElementsOf(permittedNames(ExecutionEvent.class));
        assertThat(WireSamples.COMMANDS.keySet()).containsExactlyInAnyOrderElementsOf(permittedNames(ExecutionCommand.class));
        assertThat(WireSamples.REPORTS.keySet()).containsExactlyInAnyOrderElementsOf(permittedNames(StepReport.class));
        assertThat(WireSamples.TIMERS.keySet()).containsExactlyInAnyOrderElementsOf(permittedNames(TimerFired.class));
    }

    @Test
    void the_type_discriminator_is_the_simple_type_name() {
        JsonNode node = PLAIN.readTree(CODEC.encodeToString(WireSamples.EVENTS.get("StepStarted")));
        assertThat(node.get("type").asString()).isEqualTo("StepStarted");
    }

    private static java.util.List<String> permittedNames(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).map(Class::getSimpleName).toList();
    }

    private static String golden(String file) throws IOException {
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file %s exists", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void writeGoldenIfAsked(String file, Object sample) throws IOException {
        if (!Boolean.getBoolean("golden.write")) {
            return;
        }
        Path path = Path.of("src/test/resources/golden", file);
        if (Files.notExists(path)) {
            Files.createDirectories(path.getParent());
            JsonNode tree = PLAIN.readTree(CODEC.encodeToString(sample));
            Files.writeString(path, PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
        }
    }
}
