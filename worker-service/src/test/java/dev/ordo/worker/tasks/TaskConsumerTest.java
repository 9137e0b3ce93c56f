package dev.ordo.worker.tasks;

import static dev.ordo.worker.TaskTraffic.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepHeartbeatReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.Topics;
import dev.ordo.worker.TaskTraffic;
import dev.ordo.worker.handlers.StepOutcome;
import dev.ordo.worker.reports.ReportPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer loop against the real broker, without Spring: the commit rule and stopping. Step
 * {@code held} runs until the test lets it go (or it is interrupted), {@code slow} takes 2 s,
 * {@code beating} takes 1.2 s and reports progress half-way, any other succeeds at once.
 */
class TaskConsumerTest {

    final String name = "consumer-test-" + UUID.randomUUID();
    final Topics topics = new Topics(name);
    final CountDownLatch letGo = new CountDownLatch(1);
    TaskTraffic traffic;
    TaskConsumer consumer;

    @BeforeEach
    void createTopics() throws Exception {
        traffic = new TaskTraffic(topics, name).withTopics();
    }

    @AfterEach
    void stop() throws InterruptedException {
        letGo.countDown();
        if (consumer != null) {
            consumer.stop();
        }
        traffic.close();
    }

    @Test
    void the_commit_stays_before_a_task_that_has_not_reported_while_the_tasks_behind_it_report() throws Exception {
        consumer = started(Duration.ofSeconds(10));
        StepTask held = task("held", Map.of());
        StepTask first = task("first", Map.of());
        StepTask second = task("second", Map.of());
        long heldOffset = traffic.send(held);
        traffic.send(first);
        long lastOffset = traffic.send(second);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(traffic.reportsFor(first)).hasAtLeastOneElementOfType(StepSucceededReport.class);
            assertThat(traffic.reportsFor(second)).hasAtLeastOneElementOfType(StepSucceededReport.class);
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> traffic.committedOffset() <= heldOffset);

        letGo.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.committedOffset() == lastOffset + 1);
    }

    @Test
    void stopping_lets_a_running_task_finish_and_report_and_commits_it() throws Exception {
        consumer = started(Duration.ofSeconds(20));
        StepTask slow = task("slow", Map.of());
        long offset = traffic.send(slow);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !traffic.reportsFor(slow).isEmpty() && consumer.inFlight() == 1);

        consumer.stop();

        assertThat(consumer.isRunning()).isFalse();
        assertThat(traffic.committedOffset()).isEqualTo(offset + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(traffic.reportsFor(slow)).hasAtLeastOneElementOfType(StepSucceededReport.class));
    }

    @Test
    void a_task_still_running_after_the_grace_period_is_interrupted_and_neither_reported_nor_committed()
            throws Exception {
        consumer = started(Duration.ofSeconds(1));
        StepTask held = task("held", Map.of());
        long offset = traffic.send(held);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(traffic.reportsFor(held)).hasAtLeastOneElementOfType(StepStartedReport.class));

        consumer.stop();

        assertThat(traffic.committedOffset()).isLessThanOrEqualTo(offset);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(traffic.reportsFor(held)).hasOnlyElementsOfType(StepStartedReport.class));
    }

    @Test
    void a_running_attempt_beats_every_third_of_its_heartbeat_timeout_with_its_progress_and_never_after_its_outcome()
            throws Exception {
        consumer = started(Duration.ofSeconds(10));
        StepTask beating = task("beating", Map.of("heartbeat_timeout_seconds", 0.6));
        traffic.send(beating);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(traffic.reportsFor(beating)).hasAtLeastOneElementOfType(StepSucceededReport.class));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(traffic.reportsFor(beating)).last().isInstanceOf(StepSucceededReport.class));

        List<StepReport> reports = traffic.reportsFor(beating);
        assertThat(reports).first().isInstanceOf(StepStartedReport.class);
        List<StepHeartbeatReport> beats = reports.stream().filter(StepHeartbeatReport.class::isInstance)
                .map(StepHeartbeatReport.class::cast).toList();
        assertThat(beats).as("beats every 200 ms in 1.2 s").hasSizeBetween(3, 7)
                .allMatch(beat -> beat.attempt() == 1 && beat.workerId().equals("test-worker"));
        assertThat(beats).extracting(StepHeartbeatReport::progress).containsOnlyOnce(Map.of("half", "done"));
    }

    @Test
    void an_attempt_without_a_heartbeat_timeout_sends_no_heartbeat_without_progress() throws Exception {
        consumer = started(Duration.ofSeconds(10));
        StepTask slow = task("slow", Map.of());
        traffic.send(slow);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(traffic.reportsFor(slow)).hasAtLeastOneElementOfType(StepSucceededReport.class));
        assertThat(traffic.reportsFor(slow)).noneMatch(StepHeartbeatReport.class::isInstance);
    }

    private TaskConsumer started(Duration grace) {
        ReportPublisher reports = new ReportPublisher(new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, traffic.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer()), topics.stepReports());
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, traffic.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, name,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        TaskRunner runner = new TaskRunner(this::attempt, reports, "test-worker", Clock.systemUTC(),
                new SimpleMeterRegistry());
        TaskConsumer started = new TaskConsumer(kafka, runner, reports,
                new TaskConsumer.Settings(topics.stepTasks(), 2, grace));
        started.start();
        return started;
    }

    private StepOutcome attempt(StepTask task, AttemptProgress progress) {
        try {
            if (task.stepName().equals("held")) {
                letGo.await();
            } else if (task.stepName().equals("slow")) {
                Thread.sleep(2_000); // the work being modelled, not a wait for the test
            } else if (task.stepName().equals("beating")) {
                Thread.sleep(600); // the work being modelled, as for slow
                progress.heartbeat(Map.of("half", "done"));
                Thread.sleep(600);
            }
            return StepOutcome.succeeded(Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepOutcome.Failed("interrupted", true);
        }
    }
}
