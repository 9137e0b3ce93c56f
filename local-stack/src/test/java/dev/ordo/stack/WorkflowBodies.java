package dev.ordo.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Workflow definitions for the execution ITs, as request bodies. */
final class WorkflowBodies {

    private WorkflowBodies() {
    }

    /** A workflow of {@code steps}, with a unique name, no retries and the given variables. */
    static Map<String, Object> workflow(String name, List<Map<String, Object>> steps,
                                        List<Map<String, Object>> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + " " + UUID.randomUUID());
        body.put("timeout_seconds", 120);
        body.put("max_retries", 0);
        body.put("steps", steps);
        body.put("variables", variables);
        return body;
    }

    /** A task step; {@code dependsOn} empty makes it an entry step. */
    static Map<String, Object> step(String name, int order, List<String> dependsOn, Map<String, Object> config) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", name);
        step.put("step_type", "task");
        step.put("step_order", order);
        step.put("depends_on_steps", dependsOn);
        step.put("config", config);
        return step;
    }

    /** {@code step} run only when {@code condition} holds. */
    static Map<String, Object> when(String condition, Map<String, Object> step) {
        Map<String, Object> gated = new LinkedHashMap<>(step);
        gated.put("condition_expression", condition);
        return gated;
    }

    /** An optional boolean variable, false unless given. */
    static Map<String, Object> flag(String name) {
        return Map.of("name", name, "data_type", "bool", "is_required", false, "default_value", false);
    }

    /** A chain of {@code default} steps a, b, c, ... each depending on the one before. */
    static List<Map<String, Object>> chain(String... names) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            steps.add(step(names[i], i + 1, i == 0 ? List.of() : List.of(names[i - 1]),
                    Map.of("processing_type", "default")));
        }
        return steps;
    }
}
