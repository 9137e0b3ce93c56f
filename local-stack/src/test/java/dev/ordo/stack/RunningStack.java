package dev.ordo.stack;

import dev.ordo.infra.BrokerLogLevels;
import dev.ordo.infra.SharedTestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** The whole system, started once per test JVM on the shared broker and database, random ports. */
final class RunningStack {

    /** The tests' upstream servers listen on loopback, which http_request refuses unless allowed. */
    static final String LOOPBACK = "127.0.0.0/8,::1/128";

    private static StackServices services;

    private RunningStack() {
    }

    static synchronized StackServices services() {
        if (services == null) {
            Map<String, Object> properties = new HashMap<>(SharedTestInfrastructure.endpoints().asSpringProperties());
            properties.putAll(BrokerLogLevels.asSpringLoggingProperties());
            properties.put("server.port", "0");
            properties.put("ordo.engine.state-dir", temporaryDirectory());
            properties.put("ordo.topics.partitions", "3");
            properties.put("ordo.worker.http.allowed-networks", LOOPBACK);
            services = StackServices.start(properties);
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "stack-shutdown"));
        }
        return services;
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(java.nio.file.Path.of("target")), "engine-state").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
