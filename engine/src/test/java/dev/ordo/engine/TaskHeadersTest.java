package dev.ordo.engine;

import static dev.ordo.engine.DrivenEngine.step;
import static dev.ordo.engine.DrivenEngine.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.wire.TaskHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that cannot decode a task still knows, from its headers, which attempt to report on. */
class TaskHeadersTest {

    @TempDir
    Path stateDir;
    DrivenEngine engine;

    @BeforeEach
    void startEngine() {
        engine = DrivenEngine.with(stateDir, new EngineOptions(Duration.ofMillis(100), Duration.ofMinutes(10), 0));
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void every_task_carries_its_execution_step_and_attempt_as_utf8_headers() {
        UUID execution = UUID.randomUUID();
        Map<String, Object> retries = Map.of("retry_policy", Map.of("initial_delay_ms", 100, "jitter", 0));
        engine.start(execution, new dev.ordo.contract.definition.WorkflowSnapshot(60, 1, retries,
                List.of(step("ünïcode step", null))), Map.of());
        engine.readTasks();
        engine.report(new StepFailedReport(execution, "ünïcode step", 1, "flaky", true));
        engine.advance(Duration.ofMillis(300));

        List<TestRecord<String, byte[]>> tasks = engine.taskRecords();
        assertThat(tasks).hasSize(2);
        for (int i = 0; i < tasks.size(); i++) {
            Headers headers = tasks.get(i).headers();
            assertThat(text(headers, TaskHeaders.EXECUTION_ID)).isEqualTo(execution.toString());
            assertThat(text(headers, TaskHeaders.STEP_NAME)).isEqualTo("ünïcode step");
            assertThat(text(headers, TaskHeaders.ATTEMPT)).isEqualTo(String.valueOf(i + 1));
        }
    }

    private static String text(Headers headers, String name) {
        return headers.lastHeader(name) == null ? null
                : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
