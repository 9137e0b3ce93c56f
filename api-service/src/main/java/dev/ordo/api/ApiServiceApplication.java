package dev.ordo.api;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** api-service: the public HTTP API, command intake and (unless switched off) the engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiServiceApplication {

    /** A builder that reads {@code api-service.yml}, so several services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ApiServiceApplication.class)
                .properties("spring.config.name=api-service");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
