package dev.ordo.api.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ordo.topics.*}: topic name prefix and how topics are created at start-up. */
@ConfigurationProperties("ordo.topics")
public record TopicSettings(String prefix, int partitions, short replicationFactor) {
}
