package dev.ordo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What forcing every append to disk ({@code flush.messages=1}) costs the single embedded broker,
 * against the default of leaving writes to the page cache: the time of one acknowledged 1 KB send
 * (acks=all) at a time, and the rate of 20,000 sends in flight together, three rounds each. Not part
 * of the build (its name matches no test pattern); run it with {@code ./mvnw -B -o -q -pl
 * embedded-infra verify -Dtest=KafkaFlushBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; the
 * figures are in its output file under {@code target/surefire-reports}.
 */
class KafkaFlushBenchmark {

    private static final int ONE_AT_A_TIME = 300;
    private static final int IN_FLIGHT = 20_000;

    @TempDir
    Path dataDir;

    @Test
    void flushing_every_append_against_the_page_cache() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(Files.createDirectories(dataDir.resolve("kafka")), 0,
                0)) {
            String bootstrap = broker.start();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("page-cache", 1, (short) 1),
                        new NewTopic("flushed", 1, (short) 1).configs(Map.of("flush.messages", "1")))).all().get();
            }
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                    "acks", "all", "linger.ms", "1"), new ByteArraySerializer(), new ByteArraySerializer())) {
                byte[] value = new byte[1024];
                for (int round = 1; round <= 3; round++) {
                    for (String topic : List.of("page-cache", "flushed")) {
                        long start = System.nanoTime();
                        for (int i = 0; i < ONE_AT_A_TIME; i++) {
                            producer.send(new ProducerRecord<>(topic, value)).get();
                        }
                        double millisEach = (System.nanoTime() - start) / 1e6 / ONE_AT_A_TIME;
                        start = System.nanoTime();
                        List<Future<RecordMetadata>> sent = new ArrayList<>();
                        for (int i = 0; i < IN_FLIGHT; i++) {
                            sent.add(producer.send(new ProducerRecord<>(topic, value)));
                        }
                        for (Future<RecordMetadata> acknowledged : sent) {
                            acknowledged.get();
                        }
                        double perSecond = IN_FLIGHT / ((System.nanoTime() - start) / 1e9);
                        System.out.printf("round %d, %s: %.2f ms per acknowledged send, %.0f records/s in flight%n",
                                round, topic, millisEach, perSecond);
                        assertThat(perSecond).isPositive();
                    }
                }
            }
        }
    }
}
