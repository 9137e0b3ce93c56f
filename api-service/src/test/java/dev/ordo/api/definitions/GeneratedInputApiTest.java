package dev.ordo.api.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.wire.JsonCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Seeded random graphs and random JSON against validate and create: never a 500, and whatever is
 * accepted is a graph whose dependencies all resolve and that has no circle (checked here
 * independently, by Kahn's algorithm over what the API stored).
 */
@ApiTest
class GeneratedInputApiTest {

    private static final List<String> NAMES = List.of("a", "b", "c", "d", "ë", "数据", "step 7", "");
    private static final List<Object> TYPES = java.util.Arrays.asList("task", "parallel", "sequential", "agent",
            "condition", "bogus", null);

    @LocalServerPort
    int port;

    private HttpApi api;
    private final Random random = new Random(424_242);

    @BeforeEach
    void newWorkspace() {
        api = TestWorkspace.create(new HttpApi(port)).api();
    }

    @Test
    void random_graphs_are_judged_never_500_and_every_accepted_one_is_acyclic_and_resolved() {
        int accepted = 0;
        for (int round = 0; round < 300; round++) {
            Map<String, Object> body = randomGraph("graph-" + round);
            HttpApi.Response verdict = api.post("/api/workflows/validate", body);
            HttpApi.Response created = api.post("/api/workflows/", body);

            assertThat(verdict.status()).as("validate %s: %s", body, verdict.text()).isEqualTo(200);
            assertThat(created.status()).as("create %s: %s", body, created.text()).isIn(201, 400, 422);
            if (created.status() == 201) {
                accepted++;
                assertThat(verdict.json()).as("validate agreed with create for %s", body).containsEntry("is_valid", true);
                assertThat(resolvesWithoutCircle(api.get("/api/workflows/" + created.json().get("id")).json()))
                        .as("stored graph of %s", body).isTrue();
            }
        }
        assertThat(accepted).as("some generated graphs are valid").isGreaterThan(10);
    }

    @Test
    void random_json_in_any_field_is_never_a_500() {
        List<String> fields = List.of("name", "description", "project_id", "config", "timeout_seconds", "max_retries",
                "steps", "variables", "metadata", "meta_data");
        for (int round = 0; round < 300; round++) {
            Map<String, Object> body = randomGraph("json-" + round);
            body.put(fields.get(random.nextInt(fields.size())), randomJson(3));
            String json = JsonCodec.instance().encodeToString(body);

            assertThat(api.post("/api/workflows/validate", json).status()).as(json).isIn(200, 422);
            assertThat(api.post("/api/workflows/", json).status()).as(json).isIn(201, 400, 409, 422);
        }
        for (int round = 0; round < 100; round++) {
            String json = JsonCodec.instance().encodeToString(randomJson(4));
            assertThat(api.post("/api/workflows/", json).status()).as(json).isIn(400, 422);
            assertThat(api.post("/api/workflows/validate", json).status()).as(json).isIn(200, 422);
        }
    }

    /**
     * Mostly well-formed graphs (distinct names, orders 1..n, dependencies on earlier steps) with a
     * few faults sprinkled in: repeated or empty names, order 0 or gaps, unknown types, dependencies
     * on later steps (circles) or on unknown names, null entries.
     */
    private Map<String, Object> randomGraph(String name) {
        List<String> names = new ArrayList<>(NAMES.subList(0, NAMES.size() - 1));
        java.util.Collections.shuffle(names, random);
        List<Object> steps = new ArrayList<>();
        int size = random.nextInt(Math.min(7, names.size()));
        for (int i = 0; i < size; i++) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("name", rarely() ? NAMES.get(random.nextInt(NAMES.size())) : names.get(i));
            step.put("step_type", rarely() ? TYPES.get(random.nextInt(TYPES.size())) : "task");
            step.put("step_order", rarely() ? random.nextInt(9) : i + 1);
            List<Object> dependsOn = new ArrayList<>();
            for (int k = random.nextInt(3); k > 0 && i > 0; k--) {
                dependsOn.add(rarely() ? NAMES.get(random.nextInt(NAMES.size())) : names.get(random.nextInt(i)));
            }
            if (rarely()) {
                dependsOn.add(null);
            }
            step.put("depends_on_steps", dependsOn);
            if ("condition".equals(step.get("step_type"))) {
                step.put("condition_expression", "${x}");
            }
            steps.add(random.nextInt(40) == 0 ? null : step);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("steps", steps);
        body.put("variables", List.of(Map.of("name", "x", "data_type", "bool")));
        return body;
    }

    private boolean rarely() {
        return random.nextInt(8) == 0;
    }

    private Object randomJson(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        switch (kind) {
            case 0: return null;
            case 1: return random.nextBoolean();
            case 2: return random.nextInt(2001) - 1000;
            case 3: return random.nextDouble() * 1e6 - 5e5;
            case 4: return NAMES.get(random.nextInt(NAMES.size())) + random.nextInt(100);
            case 5: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomJson(depth - 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new HashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(List.of("name", "steps", "step_order", "depends_on_steps", "k").get(random.nextInt(5)),
                            randomJson(depth - 1));
                }
                return map;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean resolvesWithoutCircle(Map<String, Object> workflow) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) workflow.get("steps");
        Map<String, Set<String>> waitsFor = new HashMap<>();
        steps.forEach(step -> waitsFor.put((String) step.get("name"),
                new HashSet<>((List<String>) step.get("depends_on_steps"))));
        if (waitsFor.size() != steps.size() || waitsFor.values().stream().flatMap(Set::stream)
                .anyMatch(name -> !waitsFor.containsKey(name))) {
            return false;
        }
        ArrayDeque<String> ready = new ArrayDeque<>();
        waitsFor.forEach((name, deps) -> {
            if (deps.isEmpty()) {
                ready.add(name);
            }
        });
        Set<String> done = new HashSet<>();
        while (!ready.isEmpty()) {
            done.add(ready.poll());
            waitsFor.forEach((name, deps) -> {
                if (!done.contains(name) && !ready.contains(name) && done.containsAll(deps)) {
                    ready.add(name);
                }
            });
        }
        return done.size() == waitsFor.size();
    }
}
