package dev.ordo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed {@code docs/openapi.json} is what generated clients are built from, so it must equal the live
 * {@code /openapi.json} (compared as parsed JSON, without the {@code servers} list, which names the test port).
 * With {@code -Dordo.openapi.update=true} the test rewrites the file instead of failing.
 */
@ApiTest
class CommittedOpenApiDocumentTest {

    static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @LocalServerPort
    int port;

    @Test
    void given_the_live_document_then_it_equals_the_committed_docs_openapi_json() throws IOException {
        HttpApi.Response answer = new HttpApi(port).get("/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode live = withoutServers(MAPPER.readTree(answer.text()));

        if (Boolean.getBoolean("ordo.openapi.update")) {
            Object sorted = MAPPER.treeToValue(live, Object.class);
            Files.writeString(COMMITTED, MAPPER.writeValueAsString(sorted) + "\n");
        }

        assertThat(Files.exists(COMMITTED)).as("docs/openapi.json exists; create it with: "
                + "./mvnw -B -o -q -pl api-service -am verify -Dtest=CommittedOpenApiDocumentTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dordo.openapi.update=true").isTrue();
        JsonNode committed = withoutServers(MAPPER.readTree(Files.readString(COMMITTED)));
        assertThat(committed).as("docs/openapi.json differs from the live /openapi.json; refresh it with: "
                + "./mvnw -B -o -q -pl api-service -am verify -Dtest=CommittedOpenApiDocumentTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dordo.openapi.update=true").isEqualTo(live);
    }

    private static JsonNode withoutServers(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        return document;
    }
}
