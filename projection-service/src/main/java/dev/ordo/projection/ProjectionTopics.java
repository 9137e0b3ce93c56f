package dev.ordo.projection;

import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates, at start-up, the topics that do not exist yet: the event log (kept forever) and the
 * read-model update notifications (kept {@link #UPDATES_RETENTION}: they only wake readers up).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionTopics {

    static final Duration UPDATES_RETENTION = Duration.ofDays(1);

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
                        .build(),
                TopicBuilder.name(topics.readModelUpdates())
                        .partitions(settings.partitions())
                        .replicas(settings.replicationFactor())
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(UPDATES_RETENTION.toMillis()))
                        .build());
    }
}
