package dev.ordo.worker;

import static dev.ordo.worker.TaskTraffic.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A task that runs longer than {@code max.poll.interval.ms} (3 s here) must not cost the worker its partitions. */
@WorkerTest
class SlowTaskTest {

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
    void a_task_slower_than_the_poll_interval_runs_once_and_the_task_behind_it_is_reported_too() {
        StepTask slow = task("slow", Map.of("processing_type", "sleep", "millis", 6_000));
        StepTask quick = task("quick", Map.of("processing_type", "default"));

        traffic.send(slow);
        long lastOffset = traffic.send(quick);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(traffic.reportsFor(quick)).hasAtLeastOneElementOfType(StepSucceededReport.class);
            assertThat(traffic.reportsFor(slow)).hasAtLeastOneElementOfType(StepSucceededReport.class);
            assertThat(traffic.committedOffset()).as("committed offset of the tasks topic").isGreaterThan(lastOffset);
        });
        List<StepReport> slowReports = traffic.reportsFor(slow);
        assertThat(slowReports).as("reports of the slow task").filteredOn(StepStartedReport.class::isInstance).hasSize(1);
        assertThat(slowReports).filteredOn(StepSucceededReport.class::isInstance).hasSize(1);
    }

    @Test
    void a_slow_task_does_not_hold_up_the_quick_tasks_queued_behind_it_on_its_partition() {
        StepTask slow = task("slow", Map.of("processing_type", "sleep", "millis", 5_000));
        List<StepTask> quick = IntStream.range(0, 50)
                .mapToObj(i -> task("quick-" + i, Map.of("processing_type", "default"))).toList();

        traffic.send(slow);
        quick.forEach(traffic::send);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(traffic.reportsFor(slow)).hasAtLeastOneElementOfType(StepSucceededReport.class));
        List<StepReport> reports = traffic.allReports();
        List<UUID> succeededBeforeTheSlowOne = reports.subList(0, reports.indexOf(traffic.reportsFor(slow).stream()
                        .filter(StepSucceededReport.class::isInstance).findFirst().orElseThrow())).stream()
                .filter(StepSucceededReport.class::isInstance).map(StepReport::executionId).toList();
        assertThat(succeededBeforeTheSlowOne).as("quick tasks reported before the slow task ended")
                .containsAll(quick.stream().map(StepTask::executionId).toList());
    }
}
