package dev.ordo.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiServiceApplication;
import dev.ordo.api.HttpApi;
import dev.ordo.infra.EmbeddedInfrastructureInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** api-service runs the engine: its state and incident count as the engine health, its counters as meters. */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=api-service", "ordo.topics.partitions=1",
                "ordo.topics.prefix=api-engine-test", "ordo.engine.application-id=api-engine-test"})
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
class EngineRunnerTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stateDirectory(DynamicPropertyRegistry registry) throws IOException {
        String stateDir = Files.createTempDirectory("api-engine-test").toString();
        registry.add("ordo.engine.state-dir", () -> stateDir);
    }

    @Test
    void the_engine_health_shows_its_state_and_incident_count() {
        HttpApi api = new HttpApi(port);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpApi.Response health = api.get("/actuator/health/engine");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json()).containsEntry("status", "UP");
            assertThat(health.json().get("details")).isEqualTo(Map.of("state", "RUNNING", "incidents", 0,
                    "unreadableInputs", 0));
        });
    }

    @Test
    void the_engine_counters_are_meters() {
        String metrics = new HttpApi(port).get("/actuator/prometheus").text();

        assertThat(metrics).contains("ordo_engine_incidents_total", "ordo_engine_unreadable_inputs_total",
                "ordo_engine_ignored_inputs_total", "ordo_engine_rejections_total", "ordo_engine_decisions_total",
                "ordo_engine_decision_seconds_count", "ordo_engine_decision_seconds_sum");
    }
}
