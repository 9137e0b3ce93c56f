package dev.ordo.worker.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.wire.Topics;
import dev.ordo.worker.TaskTraffic;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The publisher against the real broker: a report that cannot be sent yet is sent again, not lost. */
class ReportPublisherTest {

    @Test
    void a_report_the_broker_cannot_take_yet_is_sent_again_until_it_does() throws Exception {
        String name = "publisher-test-" + UUID.randomUUID();
        Topics topics = new Topics(name);
        StepStartedReport report = new StepStartedReport(UUID.randomUUID(), "charge", 1, "w");
        try (TaskTraffic traffic = new TaskTraffic(topics, name);
             ReportPublisher publisher = new ReportPublisher(new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, traffic.bootstrapServers(),
                     ProducerConfig.MAX_BLOCK_MS_CONFIG, 500), new StringSerializer(), new ByteArraySerializer()),
                     topics.stepReports())) {

            CompletableFuture<Void> acknowledged = publisher.publish(report);
            assertThat(acknowledged).as("acknowledged before its topic exists").isNotDone();
            traffic.withTopics();

            await().atMost(Duration.ofSeconds(30)).until(acknowledged::isDone);
            assertThat(acknowledged).isCompleted();
            await().atMost(Duration.ofSeconds(10)).until(() -> traffic.reportsFor(report.executionId()).contains(report));
        }
    }
}
