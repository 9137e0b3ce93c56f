package dev.ordo.bench.load;

import java.util.ArrayList;
import java.util.List;

/** The workflow shapes the load generator runs; every step is a {@code default} step. */
public enum Shape {
    /** s1 → s2 → s3, the shape the peer harness measures. */
    CHAIN3,
    /** one step, ten in parallel after it, one after all ten. */
    FANOUT10,
    /** s1 → … → s100. */
    CHAIN100;

    public int steps() {
        return switch (this) {
            case CHAIN3 -> 3;
            case FANOUT10 -> 12;
            case CHAIN100 -> 100;
        };
    }

    /** The create-workflow body (API.md), with one required json variable {@code input}. */
    public String workflowBody(String name) {
        List<String> steps = new ArrayList<>();
        switch (this) {
            case CHAIN3, CHAIN100 -> {
                for (int i = 1; i <= steps(); i++) {
                    steps.add(step("s" + i, i, i == 1 ? List.of() : List.of("s" + (i - 1))));
                }
            }
            case FANOUT10 -> {
                steps.add(step("split", 1, List.of()));
                List<String> branches = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    steps.add(step("branch" + i, 2, List.of("split")));
                    branches.add("branch" + i);
                }
                steps.add(step("join", 3, branches));
            }
        }
        return """
                {"name": "%s", "max_retries": 0, "steps": [%s],
                 "variables": [{"name": "input", "data_type": "json", "required": true}]}"""
                .formatted(name, String.join(",", steps));
    }

    private static String step(String name, int order, List<String> dependsOn) {
        StringBuilder deps = new StringBuilder();
        for (String dep : dependsOn) {
            deps.append(deps.length() == 0 ? "" : ",").append('"').append(dep).append('"');
        }
        return """
                {"name": "%s", "step_order": %d, "depends_on_steps": [%s], "config": {"processing_type": "default"}}"""
                .formatted(name, order, deps);
    }
}
