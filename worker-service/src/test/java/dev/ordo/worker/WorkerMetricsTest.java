package dev.ordo.worker;

import static dev.ordo.worker.TaskTraffic.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Handler runs are timed by processing type and outcome; a type no handler runs is labelled unknown. */
@WorkerTest
class WorkerMetricsTest {

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
    void a_succeeded_sleep_and_a_task_of_an_unknown_type_are_timed_once_each_under_bounded_labels() {
        long sleeps = handled("sleep", "succeeded");
        long unknown = handled("unknown", "failed");
        StepTask sleep = task("nap", Map.of("processing_type", "sleep", "millis", 50));
        StepTask odd = task("odd", Map.of("processing_type", "no_such_type_" + System.nanoTime()));

        traffic.send(sleep);
        traffic.send(odd);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(traffic.reportsFor(sleep)).hasAtLeastOneElementOfType(StepSucceededReport.class);
            assertThat(traffic.reportsFor(odd)).hasAtLeastOneElementOfType(StepFailedReport.class);
            assertThat(handled("sleep", "succeeded") - sleeps).isEqualTo(1);
            assertThat(handled("unknown", "failed") - unknown).isEqualTo(1);
        });
        assertThat(meters.find("ordo.worker.handler.duration").tag("processing_type", odd.config()
                .get("processing_type").toString()).timer()).as("a label value a task chose").isNull();
        assertThat(meters.find("ordo.worker.heartbeats").counter()).isNotNull();
        assertThat(meters.find("ordo.worker.tasks.in_flight").gauge()).isNotNull();
    }

    private long handled(String type, String outcome) {
        var timer = meters.find("ordo.worker.handler.duration").tag("processing_type", type).tag("outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
