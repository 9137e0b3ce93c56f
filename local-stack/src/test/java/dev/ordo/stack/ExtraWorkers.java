package dev.ordo.stack;

import dev.ordo.infra.BrokerLogLevels;
import dev.ordo.infra.SharedTestInfrastructure;
import dev.ordo.worker.WorkerServiceApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * More worker-service instances beside the running stack's own, each its own Spring context on the
 * shared broker, in the same worker group. Close stops every one still running.
 */
final class ExtraWorkers implements AutoCloseable {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /** Starts a worker named {@code id} with {@code properties} over the stack's (e.g. its capabilities). */
    ConfigurableApplicationContext start(String id, Map<String, Object> properties) {
        RunningStack.services();
        Map<String, Object> all = new HashMap<>(SharedTestInfrastructure.endpoints().asSpringProperties());
        all.putAll(BrokerLogLevels.asSpringLoggingProperties());
        all.put("server.port", "0");
        all.put("ordo.topics.partitions", "3");
        all.put("ordo.worker.id", id);
        all.put("ordo.worker.http.allowed-networks", RunningStack.LOOPBACK);
        all.putAll(properties);
        String[] args = all.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = WorkerServiceApplication.builder().registerShutdownHook(false).run(args);
        running.add(context);
        return context;
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }
}
