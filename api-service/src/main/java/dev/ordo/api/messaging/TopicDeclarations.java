package dev.ordo.api.messaging;

import dev.ordo.contract.wire.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates, at start-up, the topics api-service and its engine use (never by broker auto-creation).
 * Commands and step reports get the same partition count so the engine can co-partition them;
 * the event log keeps its records forever.
 */
@Configuration(proxyBeanMethods = false)
class TopicDeclarations {

    @Bean
    Topics topics(TopicSettings settings) {
        return new Topics(settings.prefix());
    }

    @Bean
    KafkaAdmin.NewTopics apiServiceTopics(Topics topics, TopicSettings settings) {
        return new KafkaAdmin.NewTopics(
                topic(topics.commands(), settings),
                topic(topics.stepReports(), settings),
                topic(topics.stepTasks(), settings),
                TopicBuilder.name(topics.executionEvents())
                        .partitions(settings.partitions())
                        .replicas(settings.replicationFactor())
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                        .build());
    }

    private static NewTopic topic(String name, TopicSettings settings) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicationFactor()).build();
    }
}
