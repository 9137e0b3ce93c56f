package dev.ordo.worker;

import static dev.ordo.worker.TaskTraffic.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.TaskHeaders;
import dev.ordo.contract.wire.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A task the worker cannot read is reported failed for good when it can tell whose it is, and never blocks the ones behind it. */
@WorkerTest
class UndecodableTaskTest {

    @Autowired
    Topics topics;

    @Autowired
    MeterRegistry meters;

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
    void a_task_that_is_not_json_is_reported_failed_terminally_for_the_attempt_its_headers_name() {
        UUID execution = UUID.randomUUID();

        traffic.send(Topics.stepTaskKey(execution, "charge", 3), bytes("{not json"), Map.of(
                TaskHeaders.EXECUTION_ID, execution.toString(), TaskHeaders.STEP_NAME, "charge",
                TaskHeaders.ATTEMPT, "3"));

        StepFailedReport report = awaitFailure(execution);
        assertThat(report.stepName()).isEqualTo("charge");
        assertThat(report.attempt()).isEqualTo(3);
        assertThat(report.retryable()).isFalse();
        assertThat(report.error()).startsWith("task could not be decoded: ");
    }

    @Test
    void without_headers_the_key_and_the_json_tree_name_the_attempt() {
        UUID execution = UUID.randomUUID();
        String wrongShape = "{\"execution_id\":\"" + execution + "\",\"step_name\":\"ship\",\"attempt\":2,"
                + "\"config\":\"not an object\",\"input\":{}}";

        traffic.send(Topics.stepTaskKey(execution, "ship", 2), bytes(wrongShape), Map.of());

        StepFailedReport report = awaitFailure(execution);
        assertThat(report.stepName()).isEqualTo("ship");
        assertThat(report.attempt()).isEqualTo(2);
        assertThat(report.retryable()).isFalse();
        assertThat(report.error()).startsWith("task could not be decoded: ");
    }

    @Test
    void a_task_that_names_no_attempt_is_counted_and_skipped_and_the_task_behind_it_runs() {
        double skippedBefore = skipped();
        StepTask behind = task("after-garbage", Map.of("processing_type", "default"));

        traffic.send("garbage", bytes("\u0001\u0002"), Map.of());
        long lastOffset = traffic.send(behind);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(traffic.reportsFor(behind)).hasAtLeastOneElementOfType(StepSucceededReport.class);
            assertThat(traffic.committedOffset()).isGreaterThan(lastOffset);
        });
        assertThat(skipped()).isEqualTo(skippedBefore + 1);
    }

    private double skipped() {
        var counter = meters.find("ordo.worker.tasks.undecodable").tag("outcome", "skipped").counter();
        return counter == null ? 0 : counter.count();
    }

    private StepFailedReport awaitFailure(UUID execution) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(traffic.reportsFor(execution)).hasAtLeastOneElementOfType(StepFailedReport.class));
        StepReport report = traffic.reportsFor(execution).get(0);
        assertThat(traffic.reportsFor(execution)).hasSize(1);
        return (StepFailedReport) report;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
