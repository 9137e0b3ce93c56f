package dev.ordo.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The workflows the load runs: a three-step chain and a fan-out with a join, each with sleeping steps
 * so that a kill lands in the middle of a step. Retries allow an attempt lost with its worker (a
 * step deadline or heartbeat timeout) to run again; every step succeeds when it runs.
 */
final class WorkflowShapes {

    private static final int SHORT_SLEEP_MILLIS = 200;
    /** Quick retries, so that an attempt lost with a killed worker runs again soon. */
    private static final Map<String, Object> QUICK_RETRIES = Map.of("retry_policy",
            Map.of("initial_delay_ms", 200, "multiplier", 2.0, "max_delay_ms", 1000));

    private WorkflowShapes() {
    }

    static List<Map<String, Object>> all(int sleepMillis) {
        return List.of(chain(sleepMillis), fanOut(sleepMillis));
    }

    /** fetch (sleeps {@code sleepMillis}) → transform → store (sleeps briefly). */
    static Map<String, Object> chain(int sleepMillis) {
        return workflow("fault chain", List.of(
                step("fetch", 1, List.of(), sleep(sleepMillis)),
                step("transform", 2, List.of("fetch"), Map.of("processing_type", "default")),
                step("store", 3, List.of("transform"), sleep(SHORT_SLEEP_MILLIS))));
    }

    /** split → three briefly sleeping branches → join. */
    static Map<String, Object> fanOut(int sleepMillis) {
        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(step("split", 1, List.of(), Map.of("processing_type", "default")));
        for (String branch : List.of("left", "middle", "right")) {
            steps.add(step(branch, 2, List.of("split"), sleep(SHORT_SLEEP_MILLIS)));
        }
        steps.add(step("join", 3, List.of("left", "middle", "right"), Map.of("processing_type", "default")));
        return workflow("fault fan-out", steps);
    }

    private static Map<String, Object> workflow(String name, List<Map<String, Object>> steps) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + " " + UUID.randomUUID());
        body.put("timeout_seconds", 600);
        body.put("max_retries", 3);
        body.put("config", QUICK_RETRIES);
        body.put("steps", steps);
        body.put("variables", List.of());
        return body;
    }

    private static Map<String, Object> step(String name, int order, List<String> dependsOn, Map<String, Object> config) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", name);
        step.put("step_type", "task");
        step.put("step_order", order);
        step.put("depends_on_steps", dependsOn);
        step.put("timeout_seconds", 20);
        step.put("config", config);
        return step;
    }

    /** A sleeping step that beats every second, so that the engine notices a dead worker in 3 s. */
    private static Map<String, Object> sleep(int millis) {
        return Map.of("processing_type", "sleep", "millis", millis, "heartbeat_timeout_seconds", 3);
    }
}
