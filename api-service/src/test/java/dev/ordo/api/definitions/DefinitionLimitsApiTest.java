package dev.ordo.api.definitions;

import static dev.ordo.api.Bodies.chain;
import static dev.ordo.api.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.wire.RecordLimits;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A workflow too large to run is refused when it is created or edited, in the validation shape
 * (400, {@code TOO_MANY_STEPS} or {@code DEFINITION_TOO_LARGE}), and {@code validate} says so too:
 * a definition's pinned copy travels in every start record, which must fit what the broker accepts.
 */
@ApiTest
class DefinitionLimitsApiTest {

    @LocalServerPort
    int port;

    private TestWorkspace workspace;
    private HttpApi api;

    @BeforeEach
    void newWorkspace() {
        workspace = TestWorkspace.create(new HttpApi(port));
        api = workspace.api();
    }

    @Test
    void a_ten_thousand_step_chain_is_refused_at_create() {
        HttpApi.Response refused = api.post("/api/workflows/", chainOf(10_000));

        assertRefused(refused, "TOO_MANY_STEPS");
        assertThat(firstError(refused)).containsEntry("message",
                "The workflow has 10000 steps; at most " + RecordLimits.MAX_STEPS + " are allowed");
        assertThat(api.get("/api/workflows/").json()).containsEntry("total", 0);
    }

    @Test
    void a_chain_of_exactly_the_step_limit_is_created() {
        HttpApi.Response created = api.post("/api/workflows/", chainOf(RecordLimits.MAX_STEPS));

        assertThat(created.status()).as(created.brief()).isEqualTo(201);
    }

    @Test
    void a_definition_larger_than_the_limit_is_refused_at_create_naming_its_size() {
        HttpApi.Response refused = api.post("/api/workflows/", with(chain("big", "a"), "config",
                Map.of("blob", "x".repeat(RecordLimits.MAX_DEFINITION_BYTES))));

        assertRefused(refused, "DEFINITION_TOO_LARGE");
        assertThat(firstError(refused)).extractingByKey("details").asInstanceOf(
                InstanceOfAssertFactories.MAP)
                .containsEntry("max_bytes", RecordLimits.MAX_DEFINITION_BYTES)
                .containsKey("size_bytes");
    }

    @Test
    void an_edit_that_makes_the_workflow_too_large_is_refused_and_changes_nothing() {
        String id = workspace.createWorkflow(chain("grows", "a"));

        assertRefused(api.patch("/api/workflows/" + id, Map.of("steps", chainOf(RecordLimits.MAX_STEPS + 1)
                .get("steps"))), "TOO_MANY_STEPS");
        assertRefused(api.patch("/api/workflows/" + id, Map.of("config",
                Map.of("blob", "x".repeat(RecordLimits.MAX_DEFINITION_BYTES)))), "DEFINITION_TOO_LARGE");
        assertThat(api.get("/api/workflows/" + id).json()).containsEntry("version", 1);
    }

    @Test
    void validate_reports_a_workflow_too_large_to_run_as_invalid() {
        HttpApi.Response verdict = api.post("/api/workflows/validate", chainOf(RecordLimits.MAX_STEPS + 1));

        assertThat(verdict.status()).as(verdict.brief()).isEqualTo(200);
        assertThat(verdict.json()).containsEntry("is_valid", false);
        assertThat(verdict.json().get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("error_type", "TOO_MANY_STEPS");
    }

    private static Map<String, Object> chainOf(int steps) {
        return chain("chain-" + steps, IntStream.rangeClosed(1, steps).mapToObj(i -> "s" + i).toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(HttpApi.Response refused, String... errorTypes) {
        assertThat(refused.status()).as(refused.brief()).isEqualTo(400);
        Map<String, Object> detail = (Map<String, Object>) refused.detail();
        assertThat(detail).containsEntry("message", "Workflow validation failed");
        assertThat((List<Map<String, Object>>) detail.get("errors")).extracting(error -> error.get("error_type"))
                .containsExactly((Object[]) errorTypes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(HttpApi.Response refused) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) refused.detail()).get("errors")).get(0);
    }
}
