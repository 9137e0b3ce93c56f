package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.wire.LiveWorkers;
import dev.ordo.contract.wire.Topics;
import dev.ordo.contract.wire.WorkerAnnouncement;
import dev.ordo.infra.SharedTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Workers announce themselves on the compacted {@code workflow.workers} and delete their entry on a clean stop. */
class WorkerRegistryIT {

    @Test
    void a_worker_is_live_with_its_capabilities_while_it_runs_and_gone_once_it_stopped() {
        LiveWorkers registry = new LiveWorkers();
        try (ExtraWorkers workers = new ExtraWorkers();
             KafkaConsumer<String, byte[]> announcements = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.endpoints().bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "registry-reader-" + UUID.randomUUID(),
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            workers.start("registered", Map.of("ordo.worker.capabilities", "gpu,de", "ordo.worker.concurrency", 3));
            announcements.subscribe(List.of(Topics.withDefaultPrefix().workers()));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                read(announcements, registry);
                assertThat(registry.live(Instant.now())).extracting(WorkerAnnouncement::workerId).contains("registered");
            });
            WorkerAnnouncement registered = registry.live(Instant.now()).stream()
                    .filter(worker -> worker.workerId().equals("registered")).findFirst().orElseThrow();
            assertThat(registered.capabilities()).containsExactly("de", "gpu");
            assertThat(registered.concurrency()).isEqualTo(3);
            assertThat(registry.canServe(List.of("gpu"), Instant.now())).isTrue();

            workers.close();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                read(announcements, registry);
                assertThat(registry.live(Instant.now())).extracting(WorkerAnnouncement::workerId)
                        .doesNotContain("registered");
            });
        }
    }

    private static void read(KafkaConsumer<String, byte[]> announcements, LiveWorkers registry) {
        for (ConsumerRecord<String, byte[]> record : announcements.poll(Duration.ofMillis(200))) {
            registry.apply(record.key(), record.value());
        }
    }
}
