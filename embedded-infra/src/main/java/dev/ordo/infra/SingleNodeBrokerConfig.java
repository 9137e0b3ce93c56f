package dev.ordo.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Server properties for one KRaft node acting as broker and controller at once, sized for a
 * laptop or CI box: every internal topic has replication factor 1 and few partitions, transactions
 * work, topics are never auto-created, and the broker does not use more threads or heap than a
 * two-core machine can spare.
 */
final class SingleNodeBrokerConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Settings that only some Kafka versions know; dropped when the running version lacks them. */
    private static final Map<String, String> VERSION_DEPENDENT = Map.of(
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "share.coordinator.state.topic.num.partitions", "1");

    private SingleNodeBrokerConfig() {
    }

    static KafkaConfig create(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");

        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));

        Set<String> known = CollectionConverters.asJava(KafkaConfig.configNames()).stream()
                .collect(Collectors.toSet());
        VERSION_DEPENDENT.forEach((key, value) -> {
            if (known.contains(key)) {
                props.put(key, value);
            }
        });
        return KafkaConfig.fromProps(props, false);
    }
}
