package dev.ordo.api.hostile;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.api.hostile.OpenApiOperations.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile requests generated from {@code /openapi.json} for every operation it lists, so a new route
 * is covered without a new test: junk ids, junk query and header values, broken, huge and deeply
 * nested bodies, and every field of every body given each hostile value of its type. Each answer must
 * be a JSON 4xx with a {@code detail} (413, 414, 431 where owed) or, for odd but legal input, a
 * success; never a 5xx or an HTML page; and the service must be healthy afterwards.
 *
 * <p>The normal run sends a fixed-seed sample of each operation's cases; {@code -Dordo.hostile=full}
 * sends them all.
 */
@ApiTest
class GeneratedHostileRequestsApiTest {

    private static final long SEED = 12;
    private static final int SAMPLE_PER_OPERATION = 60;
    private static final int BODY_LIMIT = 2 * 1024 * 1024;

    @LocalServerPort
    int port;

    private TestWorkspace workspace;
    private OpenApiOperations openApi;
    private HostileCases generator;
    private List<HostileCase> liveStreamCases;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void realObjectsToAimAt() {
        HttpApi unscoped = new HttpApi(port);
        workspace = TestWorkspace.create(unscoped);
        String workflowId = workspace.createWorkflow(chain("hostile-target", "a", "b"));
        HttpApi.Response executed = workspace.api().post("/api/workflows/" + workflowId + "/execute", Map.of());
        assertThat(executed.status()).as(executed.brief()).isEqualTo(202);
        openApi = new OpenApiOperations(unscoped.get("/openapi.json").json());
        generator = new HostileCases(openApi, Map.of("workflow_id", workflowId,
                "execution_id", (String) executed.json().get("execution_id"), "workspace_id", workspace.id()), BODY_LIMIT);
        liveStreamCases = LiveStreamHandshakes.cases((String) executed.json().get("execution_id"), workflowId,
                TestWorkspace.create(unscoped).slug());
    }

    @Test
    void given_the_live_stream_paths_when_sent_hostile_handshakes_then_each_is_refused_in_json_before_the_upgrade() {
        List<String> shortfalls = HostileRun.shortfalls(port, workspace.slug(), liveStreamCases);

        assertThat(shortfalls).as("%d of %d hostile handshakes answered wrongly", shortfalls.size(), liveStreamCases.size())
                .isEmpty();
        HostileRun.assertHealthy(workspace.api(), new HttpApi(port));
    }

    @Test
    void given_every_operation_of_the_openapi_document_when_sent_hostile_requests_then_each_is_refused_in_json_or_survived() {
        List<HostileCase> cases = new ArrayList<>();
        for (Operation operation : openApi.all()) {
            cases.addAll(sample(generator.of(operation)));
        }

        List<String> shortfalls = HostileRun.shortfalls(port, workspace.slug(), cases);

        assertThat(shortfalls).as("%d of %d hostile requests answered wrongly", shortfalls.size(), cases.size()).isEmpty();
        HostileRun.assertHealthy(workspace.api(), new HttpApi(port));
    }

    @Test
    void given_the_openapi_document_then_every_operation_gets_cases_for_its_ids_queries_and_body() {
        List<Operation> operations = openApi.all();

        assertThat(operations).hasSizeGreaterThanOrEqualTo(25);
        for (Operation operation : operations) {
            List<HostileCase> cases = generator.of(operation);
            assertThat(cases).as("%s", operation).extracting(HostileCase::name)
                    .anyMatch(name -> name.contains("URL over 8 KB"))
                    .anyMatch(name -> name.contains("broken multipart body"));
            operation.in("path").forEach(parameter -> assertThat(cases).extracting(HostileCase::name)
                    .anyMatch(name -> name.contains("path " + parameter.name() + " = %2F")));
            if (operation.hasBody()) {
                assertThat(cases).extracting(HostileCase::name).as("%s", operation)
                        .anyMatch(name -> name.contains("nested 10,000 deep"))
                        .anyMatch(name -> name.contains("body over the limit"));
            }
        }
    }

    /** All of them under {@code -Dordo.hostile=full}; otherwise a fixed-seed sample. */
    private static List<HostileCase> sample(List<HostileCase> cases) {
        if ("full".equals(System.getProperty("ordo.hostile")) || cases.size() <= SAMPLE_PER_OPERATION) {
            return cases;
        }
        List<HostileCase> shuffled = new ArrayList<>(cases);
        Collections.shuffle(shuffled, new Random(SEED));
        return shuffled.subList(0, SAMPLE_PER_OPERATION);
    }
}
