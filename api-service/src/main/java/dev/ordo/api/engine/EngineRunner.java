package dev.ordo.api.engine;

import dev.ordo.api.messaging.TopicSettings;
import dev.ordo.contract.wire.Topics;
import dev.ordo.engine.Engine;
import dev.ordo.engine.EngineHealth;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link Engine} for as long as the application runs, when {@code ordo.engine.enabled}:
 * starts it after the topics exist, stops it (leaving the consumer group) on shutdown, and reports
 * it as the {@code engine} health, with its incident and unreadable-input counts as details.
 */
@Component("engine")
@ConditionalOnProperty(name = "ordo.engine.enabled", havingValue = "true", matchIfMissing = true)
class EngineRunner implements SmartLifecycle, HealthIndicator {

    private final Engine engine;

    EngineRunner(EngineSettings settings, TopicSettings topicSettings, Topics topics,
                 @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.engine = new Engine(settings.config(bootstrapServers, topics, topicSettings.replicationFactor()));
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void start() {
        engine.start();
    }

    @Override
    public void stop() {
        engine.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return engine.isStarted();
    }

    @Override
    public Health health() {
        EngineHealth health = engine.health();
        return (health.up() ? Health.up() : Health.down())
                .withDetail("state", health.state())
                .withDetail("incidents", health.incidents())
                .withDetail("unreadableInputs", health.unreadableInputs())
                .build();
    }
}
