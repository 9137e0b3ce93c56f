package dev.ordo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @TempDir
    static Path sharedDir;

    private static EmbeddedKafkaBroker broker;
    private static TestKafkaClients clients;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker(sharedDir.resolve("kafka"), 0, 0);
        clients = new TestKafkaClients(broker.start());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void startReturnsLocalhostBootstrapServersAndFormatsTheDataDir() {
        assertThat(broker.bootstrapServers()).matches("localhost:\\d+");
        assertThat(broker.start()).isEqualTo(broker.bootstrapServers());
        assertThat(sharedDir.resolve("kafka/meta.properties")).exists();
    }

    @Test
    void committedTransactionsReachReadCommittedConsumersAndAbortedOnesDoNot() throws Exception {
        clients.createTopic("tx-visibility");

        clients.sendInTransaction("tx-visibility", "order-1", "aborted", false);
        clients.sendInTransaction("tx-visibility", "order-1", "committed", true);

        assertThat(clients.awaitValues("tx-visibility", List.of("committed"))).containsExactly("committed");
    }

    @Test
    void topicsAreNotAutoCreated() throws Exception {
        try (var consumer = clients.readCommittedConsumer()) {
            consumer.subscribe(List.of("never-created"));
            consumer.poll(Duration.ofMillis(500));
        }
        assertThat(clients.topicNames()).doesNotContain("never-created");
    }

    @Test
    void restartOnTheSameDataDirKeepsClusterIdTopicsAndRecords(@TempDir Path dataDir) throws Exception {
        String clusterId;
        try (EmbeddedKafkaBroker first = new EmbeddedKafkaBroker(dataDir, 0, 0)) {
            TestKafkaClients firstClients = new TestKafkaClients(first.start());
            firstClients.createTopic("survives-restart");
            firstClients.sendInTransaction("survives-restart", "k", "before-restart", true);
            clusterId = firstClients.clusterId();
        }
        String metaProperties = Files.readString(dataDir.resolve("meta.properties"));

        try (EmbeddedKafkaBroker second = new EmbeddedKafkaBroker(dataDir, 0, 0)) {
            TestKafkaClients secondClients = new TestKafkaClients(second.start());
            assertThat(secondClients.clusterId()).isEqualTo(clusterId);
            assertThat(secondClients.topicNames()).contains("survives-restart");
            assertThat(secondClients.awaitValues("survives-restart", List.of("before-restart")))
                    .containsExactly("before-restart");
        }
        assertThat(Files.readString(dataDir.resolve("meta.properties"))).isEqualTo(metaProperties);
    }

    @Test
    void aPortInUseFailsTheStartWithoutLeavingABrokerRunning(@TempDir Path dataDir) throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             EmbeddedKafkaBroker blocked = new EmbeddedKafkaBroker(dataDir, occupied.getLocalPort(), 0)) {
            assertThatThrownBy(blocked::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
            assertThat(blocked.isRunning()).isFalse();
        }
    }

    @Test
    void clientAndControllerPortMustDiffer(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new EmbeddedKafkaBroker(dataDir, 19500, 19500))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
