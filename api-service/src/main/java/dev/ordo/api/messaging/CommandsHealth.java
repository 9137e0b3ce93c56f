package dev.ordo.api.messaging;

import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code commands} health: DOWN while the broker has been unreachable for longer than the send
 * timeout (execute and cancel then answer 503), with how many outbox rows the sweeper last found due.
 */
@Component("commands")
class CommandsHealth implements HealthIndicator {

    private final BrokerReachability reachability;
    private final OutboxSweeper sweeper;

    CommandsHealth(BrokerReachability reachability, OutboxSweeper sweeper) {
        this.reachability = reachability;
        this.sweeper = sweeper;
    }

    @Override
    public Health health() {
        Optional<Instant> unreachableSince = reachability.unreachableSince();
        Health.Builder health = unreachableSince.isPresent() ? Health.down() : Health.up();
        unreachableSince.ifPresent(since -> health.withDetail("broker_unreachable_since", since.toString()));
        return health.withDetail("broker", unreachableSince.isPresent() ? "unreachable"
                        : reachability.failing() ? "failing" : "reachable")
                .withDetail("outbox_due", sweeper.lastDue())
                .build();
    }
}
