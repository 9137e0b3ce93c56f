package dev.ordo.projection;

import dev.ordo.contract.wire.Topics;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates, at start-up, the event log topic (kept forever) if it does not exist yet. */
@Configuration(proxyBeanMethods = false)
class ProjectionTopics {

    @ConfigurationProperties("ordo.topics")
    record Settings(String prefix, int partitions, short replicationFactor) {
    }

    @Bean
    Topics topics(Settings settings) {
        return new Topics(settings.prefix());
    }

    @Bean
    KafkaAdmin.NewTopics projectionServiceTopics(Topics topics, Settings settings) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(topics.executionEvents())
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build());
    }
}
