package dev.ordo.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepHeartbeatRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.wire.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Freezes the format of the {@link ExecutionState} the engine keeps in its changelog: a renamed or
 * retyped field breaks this build instead of the engine's state restore after an upgrade. Each
 * sample is written exactly as its golden file under {@code src/test/resources/golden/state/} and
 * read back to an equal state. Set {@code -Dgolden.write=true} once to write the file of a NEW
 * sample; never to change an existing one.
 */
class ExecutionStateGoldenTest {

    private static final JsonCodec CODEC = JsonCodec.instance();
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final UUID EXECUTION = UUID.fromString("6f1c2b9e-4d3a-4b7e-9a51-0c2d8e7f6a10");
    private static final Instant STARTED_AT = Instant.parse("2026-03-01T09:00:00Z");

    static Stream<Arguments> samples() {
        return Stream.of(Arguments.of("state/RunningExecution.json", running()),
                Arguments.of("state/FinishedExecutionTombstone.json",
                        ExecutionState.finished(EXECUTION, ExecutionStatus.TIMED_OUT, 17)),
                Arguments.of("state/RetriedExecution.json", retried()),
                Arguments.of("state/HeartbeatingExecution.json", heartbeating()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void each_stored_state_is_written_and_read_exactly_as_its_golden_file(String file, ExecutionState sample)
            throws IOException {
        writeGoldenIfAsked(file, sample);
        String golden = golden(file);
        assertThat(PLAIN.readTree(CODEC.encodeToString(sample))).isEqualTo(PLAIN.readTree(golden));
        assertThat(CODEC.decode(golden, ExecutionState.class)).isEqualTo(sample);
    }

    /** A running execution with a step in each status a running one can hold. */
    static ExecutionState running() {
        Map<String, Object> retry = Map.of("initial_delay_ms", 500, "multiplier", 2.0, "jitter", 0);
        WorkflowSnapshot definition = new WorkflowSnapshot(600, 1, Map.of("retry_policy", retry), List.of(
                new StepSpec("fetch", "task", 1, List.of(), 30, 2, null, Map.of("processing_type", "http",
                        "url", "https://orders.test/${order_id}")),
                new StepSpec("check", "condition", 2, List.of("fetch"), null, null, "${steps.fetch.output.total} > 10",
                        Map.of()),
                new StepSpec("charge", "task", 3, List.of("check"), 60, null, null, Map.of()),
                new StepSpec("notify", "agent", 4, List.of("fetch"), null, 0, null,
                        Map.of("required_capabilities", List.of("mail"))),
                new StepSpec("cool_down", "task", 5, List.of("fetch"), null, null, null,
                        Map.of("processing_type", "delay", "delay_seconds", 1.5)),
                new StepSpec("audit", "task", 6, List.of("fetch"), null, null, "${audit}", Map.of()),
                new StepSpec("archive", "sequential", 7, List.of("charge", "notify"), null, null, null, Map.of()),
                new StepSpec("report", "task", 8, List.of(), null, null, null,
                        Map.of("error_handling", "continue_on_error"))));
        ExecutionStarted start = new ExecutionStarted(UUID.fromString("0b7e5d1c-2a4f-4e6b-8c3d-9f1a2b3c4d5e"), 3,
                UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"), null, definition,
                Map.of("order_id", "o-17", "audit", false), STARTED_AT.plusSeconds(600));
        Map<String, StepState> steps = new LinkedHashMap<>();
        steps.put("fetch", new StepState(StepStatus.COMPLETED, 1, Map.of("total", 42, "lines", List.of("a", "b")),
                null, null, null, null));
        steps.put("check", new StepState(StepStatus.COMPLETED, 0, Map.of("total", 42, "lines", List.of("a", "b")),
                null, null, null, null));
        steps.put("charge", new StepState(StepStatus.RUNNING, 1, null, null, STARTED_AT.plusSeconds(75), null, null));
        steps.put("notify", new StepState(StepStatus.RETRYING, 1, null, "smtp unavailable", null,
                STARTED_AT.plusMillis(15_500), null));
        steps.put("cool_down", new StepState(StepStatus.WAITING, 0, null, null, null, STARTED_AT.plusMillis(16_500), null));
        steps.put("audit", new StepState(StepStatus.SKIPPED, 0, null, null, null, null, null));
        steps.put("archive", StepState.pending());
        steps.put("report", new StepState(StepStatus.FAILED, 2, null, "report store refused the upload", null, null, null));
        return new ExecutionState(EXECUTION, ExecutionStatus.RUNNING, 12, start, steps, null);
    }

    /** An execution that failed at its second step and runs again from it, with an input given for it. */
    static ExecutionState retried() {
        WorkflowSnapshot definition = new WorkflowSnapshot(600, 1, Map.of(), List.of(
                new StepSpec("fetch", "task", 1, List.of(), null, null, null, Map.of()),
                new StepSpec("store", "task", 2, List.of("fetch"), 30, null, null, Map.of()),
                new StepSpec("notify", "task", 3, List.of("store"), null, null, null, Map.of())));
        Instant retriedAt = STARTED_AT.plusSeconds(3_600);
        return ExecutionState.fold(EXECUTION, List.of(
                new ExecutionStarted(UUID.fromString("0b7e5d1c-2a4f-4e6b-8c3d-9f1a2b3c4d5e"), 3,
                        UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"), null, definition,
                        Map.of("order_id", "o-17"), STARTED_AT.plusSeconds(600)),
                new StepScheduled("fetch", 1, Map.of("order_id", "o-17"), null),
                new StepSucceeded("fetch", 1, Map.of("total", 42)),
                new StepScheduled("store", 1, Map.of("total", 42), STARTED_AT.plusSeconds(40)),
                new StepFailed("store", 1, "store refused the row", false),
                new ExecutionFailed("store", "Step 'store' failed: store refused the row"),
                new ExecutionRetried(List.of("store", "notify"), Map.of("store", Map.of("total", 41)),
                        retriedAt.plusSeconds(600), "retried on request after it failed"),
                new StepScheduled("store", 2, Map.of("total", 41), retriedAt.plusSeconds(30))));
    }

    /** A running step whose heartbeats moved its clock and brought progress. */
    static ExecutionState heartbeating() {
        WorkflowSnapshot definition = new WorkflowSnapshot(600, 1, Map.of(), List.of(
                new StepSpec("train", "task", 1, List.of(), 3600, null, null, Map.of("heartbeat_timeout_seconds", 30))));
        return ExecutionState.fold(EXECUTION, List.of(
                new ExecutionStarted(UUID.fromString("0b7e5d1c-2a4f-4e6b-8c3d-9f1a2b3c4d5e"), 3,
                        UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"), null, definition, Map.of(),
                        STARTED_AT.plusSeconds(600)),
                new StepScheduled("train", 1, Map.of(), STARTED_AT.plusSeconds(3600)),
                new StepStarted("train", 1, "worker-3", STARTED_AT.plusSeconds(31)),
                new StepHeartbeatRecorded("train", 1, Map.of("epoch", 2), STARTED_AT.plusSeconds(52))));
    }

    private static String golden(String file) throws IOException {
        try (InputStream in = ExecutionStateGoldenTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file %s exists", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void writeGoldenIfAsked(String file, ExecutionState sample) throws IOException {
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
