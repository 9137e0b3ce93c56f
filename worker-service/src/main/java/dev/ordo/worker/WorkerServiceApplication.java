package dev.ordo.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** worker-service: runs step attempts handed out by the engine and reports how they went. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerServiceApplication {

    /** A builder that reads {@code worker-service.yml}, so several services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(WorkerServiceApplication.class)
                .properties("spring.config.name=worker-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
