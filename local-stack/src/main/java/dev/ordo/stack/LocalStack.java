package dev.ordo.stack;

import dev.ordo.infra.BrokerLogLevels;
import dev.ordo.infra.InfrastructureEndpoints;
import dev.ordo.infra.InfrastructureSettings;
import dev.ordo.infra.LocalInfrastructure;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The one-command local system: embedded (or external) Kafka and PostgreSQL, then api-service,
 * worker-service and projection-service. Prints where everything is and stops cleanly on Ctrl-C.
 * Configured by environment variables; see the README.
 */
public final class LocalStack {

    private LocalStack() {
    }

    /** Exits 1, after stopping whatever had started, when anything fails to start. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        long begin = System.nanoTime();
        InfrastructureSettings settings = InfrastructureSettings.fromEnvironment();
        Shutdown shutdown = new Shutdown(out);
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "ordo-shutdown"));

        try {
            out.println("ordo: starting Kafka and PostgreSQL (data in " + settings.dataDir() + ")");
            InfrastructureEndpoints endpoints = shutdown.track(new LocalInfrastructure()).start(settings);
            out.println("ordo: starting api-service, worker-service, projection-service");
            StackServices services = shutdown.track(StackServices.start(properties(endpoints, settings)));
            printReady(out, endpoints, services, Duration.ofNanos(System.nanoTime() - begin));
        } catch (RuntimeException e) {
            if (!shutdown.isStopping()) {
                out.println("ordo: failed to start: " + e.getMessage());
                e.printStackTrace(out);
                System.exit(1);
            }
        }
        shutdown.awaitStop();
    }

    static Map<String, Object> properties(InfrastructureEndpoints endpoints, InfrastructureSettings settings) {
        Map<String, Object> properties = new HashMap<>(endpoints.asSpringProperties());
        properties.putAll(BrokerLogLevels.asSpringLoggingProperties());
        properties.put("ordo.engine.state-dir", settings.dataDir().resolve("engine").toString());
        return properties;
    }

    private static void printReady(PrintStream out, InfrastructureEndpoints endpoints, StackServices services,
                                   Duration took) {
        String api = "http://localhost:" + services.apiPort();
        out.printf("ordo: ready in %.1f s%n", took.toMillis() / 1000.0);
        out.println("  REST API     " + api + "/api/workflows/");
        out.println("  API docs     " + api + "/docs   (OpenAPI: " + api + "/openapi.json)");
        out.println("  health       " + api + "/actuator/health   metrics: " + api + "/actuator/prometheus");
        out.println("  worker       http://localhost:" + services.workerPort() + "/actuator/health");
        out.println("  projection   http://localhost:" + services.projectionPort() + "/actuator/health");
        out.println("  Kafka        " + endpoints.bootstrapServers());
        out.println("  PostgreSQL   " + endpoints.jdbcUrl());
        out.println("Press Ctrl-C to stop.");
    }
}
