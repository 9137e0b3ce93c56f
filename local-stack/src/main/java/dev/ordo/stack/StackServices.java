package dev.ordo.stack;

import dev.ordo.api.ApiServiceApplication;
import dev.ordo.projection.ProjectionServiceApplication;
import dev.ordo.worker.WorkerServiceApplication;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services, each its own Spring context with its own configuration file, sharing one
 * JVM. They start in parallel (on threads of their own: the common pool has one thread on two
 * cores) and stop in reverse dependency order: api-service (engine) first,
 * then the workers, then the projection.
 */
public final class StackServices implements AutoCloseable {

    private final ConfigurableApplicationContext api;
    private final ConfigurableApplicationContext worker;
    private final ConfigurableApplicationContext projection;

    private StackServices(ConfigurableApplicationContext api, ConfigurableApplicationContext worker,
                          ConfigurableApplicationContext projection) {
        this.api = api;
        this.worker = worker;
        this.projection = projection;
    }

    /**
     * Starts all three with {@code properties} overriding their configuration files and environment.
     * Logging is left to the JVM's Logback configuration: three Spring Boot logging systems
     * initialising one shared Logback at once would trample each other.
     */
    public static StackServices start(Map<String, Object> properties) {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        ExecutorService starters = Executors.newFixedThreadPool(3, starter -> new Thread(starter, "ordo-service-start"));
        try {
            CompletableFuture<ConfigurableApplicationContext> projection = CompletableFuture.supplyAsync(
                    () -> run(ProjectionServiceApplication.builder(), properties), starters);
            CompletableFuture<ConfigurableApplicationContext> worker = CompletableFuture.supplyAsync(
                    () -> run(WorkerServiceApplication.builder(), properties), starters);
            CompletableFuture<ConfigurableApplicationContext> api = CompletableFuture.supplyAsync(
                    () -> run(ApiServiceApplication.builder(), properties), starters);
            try {
                return new StackServices(api.join(), worker.join(), projection.join());
            } catch (RuntimeException e) {
                List.of(api, worker, projection).forEach(started -> started.thenAccept(ConfigurableApplicationContext::close));
                throw e;
            }
        } finally {
            starters.shutdown();
        }
    }

    /** The properties are passed as command-line arguments, so they win over the service's own file. */
    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, Map<String, Object> properties) {
        String[] args = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return builder.registerShutdownHook(false).run(args);
    }

    public int apiPort() {
        return port(api);
    }

    public int workerPort() {
        return port(worker);
    }

    public int projectionPort() {
        return port(projection);
    }

    public ConfigurableApplicationContext api() {
        return api;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> order = new ArrayList<>(List.of(projection, worker, api));
        Collections.reverse(order);
        order.forEach(ConfigurableApplicationContext::close);
    }
}
