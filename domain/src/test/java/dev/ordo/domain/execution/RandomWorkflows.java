package dev.ordo.domain.execution;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random but valid workflow definitions: acyclic, every dependency an earlier step. */
public final class RandomWorkflows {

    private RandomWorkflows() {
    }

    public static WorkflowSnapshot next(Random random) {
        int count = 1 + random.nextInt(8);
        List<StepSpec> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(step(random, "s" + i, dependencies(random, i)));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("retry_policy", Map.of("initial_delay_ms", 100 + random.nextInt(900), "jitter", 0.5));
        if (random.nextBoolean()) {
            config.put("error_handling", "continue_on_error");
        }
        return new WorkflowSnapshot(20 + random.nextInt(100), random.nextInt(3), config, steps);
    }

    private static List<String> dependencies(Random random, int index) {
        List<String> dependsOn = new ArrayList<>();
        for (int j = 0; j < index; j++) {
            if (random.nextInt(10) < 3) {
                dependsOn.add("s" + j);
            }
        }
        return dependsOn;
    }

    private static StepSpec step(Random random, String name, List<String> dependsOn) {
        int kind = random.nextInt(10);
        Map<String, Object> config = new LinkedHashMap<>();
        String type = "task";
        String condition = null;
        if (kind == 0) {
            type = random.nextBoolean() ? "parallel" : "sequential";
        } else if (kind == 1) {
            type = "condition";
            condition = random.nextBoolean() ? "${flag}" : "${steps." + (dependsOn.isEmpty() ? "none" : dependsOn.get(0))
                    + ".output.ok} == true";
        } else if (kind == 2) {
            config.put("processing_type", "delay");
            config.put("delay_ms", random.nextInt(2000));
        } else if (kind == 3) {
            condition = random.nextBoolean() ? "yes" : "${count} > 2";
        } else if (kind == 4) {
            config.put("when_dependency_skipped", "run");
        }
        if (kind >= 3 && random.nextInt(3) == 0) {
            config.put("heartbeat_timeout_seconds", 1 + random.nextInt(3));
        }
        Integer timeout = random.nextBoolean() ? 1 + random.nextInt(10) : null;
        Integer retries = random.nextInt(3) == 0 ? null : random.nextInt(3);
        return new StepSpec(name, type, 1, dependsOn, timeout, retries, condition, config);
    }
}
