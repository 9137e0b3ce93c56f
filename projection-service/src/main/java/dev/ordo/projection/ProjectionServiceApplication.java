package dev.ordo.projection;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** projection-service: folds the event log into the PostgreSQL read models. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProjectionServiceApplication {

    /** A builder that reads {@code projection-service.yml}, so several services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ProjectionServiceApplication.class)
                .properties("spring.config.name=projection-service");
    }

    /** When records were parked; the fold itself takes time only from the events. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
