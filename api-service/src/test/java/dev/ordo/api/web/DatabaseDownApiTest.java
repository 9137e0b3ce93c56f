package dev.ordo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiServiceApplication;
import dev.ordo.api.Bodies;
import dev.ordo.api.HttpApi;
import dev.ordo.infra.SharedTestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/** With PostgreSQL out of reach every route answers 503 with a clear detail, quickly, never a 500. */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=api-service", "ordo.engine.enabled=false", "ordo.topics.partitions=1",
                "spring.flyway.enabled=false", "spring.datasource.hikari.initialization-fail-timeout=-1",
                "spring.datasource.hikari.connection-timeout=250"})
@ContextConfiguration(initializers = DatabaseDownApiTest.UnreachableDatabase.class)
class DatabaseDownApiTest {

    private static final Map<String, Object> UNAVAILABLE = Map.of("detail", "Database unavailable, try again shortly");

    @LocalServerPort
    int port;

    @Test
    void every_definition_and_workspace_route_answers_503() {
        HttpApi api = new HttpApi(port);
        String workflow = "/api/workflows/" + UUID.randomUUID();

        assertThat(api.get("/api/workflows/").json()).isEqualTo(UNAVAILABLE);
        assertThat(api.post("/api/workflows/", Bodies.seedWorkflow()).json()).isEqualTo(UNAVAILABLE);
        assertThat(api.post("/api/workflows/validate", Bodies.seedWorkflow()).json()).isEqualTo(UNAVAILABLE);
        assertThat(api.get("/api/workflows/templates").json()).isEqualTo(UNAVAILABLE);
        assertThat(api.get(workflow).json()).isEqualTo(UNAVAILABLE);
        assertThat(api.patch(workflow, Map.of("name", "x")).json()).isEqualTo(UNAVAILABLE);
        assertThat(api.delete(workflow).json()).isEqualTo(UNAVAILABLE);
        assertThat(api.get("/api/workspaces").json()).isEqualTo(UNAVAILABLE);
        assertThat(api.post("/api/workspaces", Map.of("name", "n", "slug", "n")).json()).isEqualTo(UNAVAILABLE);
        assertThat(api.get(workflow).status()).isEqualTo(503);
    }

    /** The shared broker, and a database URL on a port where nothing listens. */
    static class UnreachableDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("unreachableDatabase", Map.of(
                    "spring.kafka.bootstrap-servers", SharedTestInfrastructure.endpoints().bootstrapServers(),
                    "spring.datasource.url", "jdbc:postgresql://localhost:" + closedPort() + "/ordo")));
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
