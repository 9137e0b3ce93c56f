package dev.ordo.worker;

import dev.ordo.contract.wire.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates, at start-up, the topics a worker reads and writes, if they do not exist yet. */
@Configuration(proxyBeanMethods = false)
class WorkerTopics {

    @ConfigurationProperties("ordo.topics")
    record Settings(String prefix, int partitions, short replicationFactor) {
    }

    @Bean
    Topics topics(Settings settings) {
        return new Topics(settings.prefix());
    }

    @Bean
    KafkaAdmin.NewTopics workerServiceTopics(Topics topics, Settings settings) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(topics.stepTasks()).partitions(settings.partitions())
                        .replicas(settings.replicationFactor()).build(),
                TopicBuilder.name(topics.stepReports()).partitions(settings.partitions())
                        .replicas(settings.replicationFactor()).build(),
                TopicBuilder.name(topics.workers()).partitions(1).replicas(settings.replicationFactor()).compact()
                        .build());
    }
}
