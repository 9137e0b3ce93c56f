package dev.ordo.engine;

import dev.ordo.contract.wire.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics the engine reads and writes when they are missing, as api-service declares
 * them: commands, step reports and step tasks with the configured partitions, the event log kept
 * for ever. Then checks that commands and step reports have the same partition count, which the
 * engine needs to see an execution's commands and reports in one task.
 */
final class EngineTopics {

    private EngineTopics() {
    }

    static void ensure(EngineConfig config, int partitions) {
        Topics topics = config.topics();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String name : List.of(topics.commands(), topics.stepReports(), topics.stepTasks())) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, config.replicationFactor()));
                }
            }
            if (!existing.contains(topics.executionEvents())) {
                missing.add(new NewTopic(topics.executionEvents(), partitions, config.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1")));
            }
            create(admin, missing);
            requireCopartitioned(admin, topics);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the engine's topics at " + config.bootstrapServers(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the engine's topics", e);
        }
    }

    /**
     * Creates the task topic of a capability set, with the partition count of the plain task topic,
     * unless it exists. Called on a stream thread the first time a task goes to it.
     */
    static void ensureTaskTopic(EngineConfig config, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            if (admin.listTopics().names().get().contains(topic)) {
                return;
            }
            int partitions = admin.describeTopics(List.of(config.topics().stepTasks())).allTopicNames().get()
                    .get(config.topics().stepTasks()).partitions().size();
            create(admin, List.of(new NewTopic(topic, partitions, config.replicationFactor())));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the task topic " + topic + " at "
                    + config.bootstrapServers(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the task topic " + topic, e);
        }
    }

    private static void create(Admin admin, List<NewTopic> missing) throws ExecutionException, InterruptedException {
        for (var result : admin.createTopics(missing).values().values()) {
            try {
                result.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static void requireCopartitioned(Admin admin, Topics topics) throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> described =
                admin.describeTopics(List.of(topics.commands(), topics.stepReports())).allTopicNames().get();
        int commands = described.get(topics.commands()).partitions().size();
        int reports = described.get(topics.stepReports()).partitions().size();
        if (commands != reports) {
            throw new IllegalStateException("Expected " + topics.commands() + " and " + topics.stepReports()
                    + " to have the same partition count, but they have " + commands + " and " + reports);
        }
    }
}
