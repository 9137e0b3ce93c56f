package dev.ordo.worker;

import static dev.ordo.worker.TaskTraffic.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An output too large to report ends its step at once, for good, with a reason that says so; other tasks go on. */
@WorkerTest
class OversizedOutputTest {

    @Autowired
    Topics topics;

    TaskTraffic traffic;

    @BeforeEach
    void connect() {
        traffic = TaskTraffic.forWorker(topics);
    }

    @AfterEach
    void disconnect() {
        traffic.close();
    }

    @Test
    void an_output_above_the_limit_fails_the_step_terminally_and_the_task_behind_it_is_reported() {
        StepTask huge = task("export", Map.of("processing_type", "test_output_of_bytes", "bytes", 3 * 1024 * 1024));
        StepTask next = task("next", Map.of("processing_type", "default"));

        traffic.send(huge);
        traffic.send(next);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(traffic.reportsFor(huge)).contains(new StepFailedReport(huge.executionId(), "export", 1,
                    "Expected the output of step 'export' to be at most 524288 bytes, but it is 3145728 bytes", false));
            assertThat(traffic.reportsFor(next)).hasAtLeastOneElementOfType(StepSucceededReport.class);
        });
    }

    @Test
    void a_report_the_broker_refuses_as_too_large_fails_the_step_terminally_instead_of_being_retried() {
        StepTask large = task("render", Map.of("processing_type", "test_output_of_bytes", "bytes", 450_000));
        StepTask next = task("next", Map.of("processing_type", "default"));

        traffic.send(large);
        traffic.send(next);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(traffic.reportsFor(large)).filteredOn(StepFailedReport.class::isInstance).singleElement()
                    .satisfies(report -> {
                        StepFailedReport failed = (StepFailedReport) report;
                        assertThat(failed.retryable()).isFalse();
                        assertThat(failed.error()).startsWith(
                                "Expected the report of step 'render' to be accepted by the broker, but it was refused"
                                        + " as too large");
                    });
            assertThat(traffic.reportsFor(next)).hasAtLeastOneElementOfType(StepSucceededReport.class);
        });
    }
}
