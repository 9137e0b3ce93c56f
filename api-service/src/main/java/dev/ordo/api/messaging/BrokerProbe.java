package dev.ordo.api.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Asks the broker for its cluster description: the cheapest question that needs an answer from
 * it. The sweeper asks while sends fail (instead of pushing a whole batch at a broker that is away)
 * and when it has heard nothing from the broker for a while (so an outage is known before the
 * next request runs into it). Any answer counts, also a refusal: only silence is unreachable.
 */
@Component
class BrokerProbe implements AutoCloseable {

    private final KafkaAdmin kafkaAdmin;
    private Admin admin;

    BrokerProbe(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    /** True when the broker answered within {@code timeout}. */
    synchronized boolean answers(Duration timeout) {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return !(e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException);
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
