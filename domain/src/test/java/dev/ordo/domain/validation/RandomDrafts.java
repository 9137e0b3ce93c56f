package dev.ordo.domain.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generated definitions for property-style tests, and an independent judge of their graphs
 * (Kahn's algorithm), so that the validator is never checked against itself.
 */
final class RandomDrafts {

    private RandomDrafts() {
    }

    /** {@code size} steps each depending on up to {@code fanIn} earlier steps, orders by depth. */
    static List<StepDraft> acyclic(Random random, int size, int fanIn) {
        List<StepDraft> steps = new ArrayList<>();
        int[] depth = new int[size];
        for (int i = 0; i < size; i++) {
            Set<String> dependsOn = new HashSet<>();
            for (int k = 0; i > 0 && k < 1 + random.nextInt(fanIn); k++) {
                int earlier = Math.max(0, i - 1 - random.nextInt(Math.min(i, 50)));
                dependsOn.add("n" + earlier);
                depth[i] = Math.max(depth[i], depth[earlier] + 1);
            }
            steps.add(new StepDraft(null, "n" + i, "task", 1, List.copyOf(dependsOn), null, null, null, Map.of()));
        }
        List<StepDraft> ordered = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            StepDraft step = steps.get(i);
            ordered.add(new StepDraft(null, step.name(), "task", 1 + depth[i], step.dependsOn(), null, null, null, Map.of()));
        }
        return ordered;
    }

    /** Any graph over a small alphabet: unknown names, self-references and circles all likely. */
    static List<StepDraft> anyGraph(Random random, int size) {
        List<StepDraft> steps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> dependsOn = new ArrayList<>();
            int count = random.nextInt(3);
            for (int k = 0; k < count; k++) {
                dependsOn.add("n" + random.nextInt(size + 2));
            }
            steps.add(new StepDraft(null, "n" + i, "task", 1, dependsOn, null, null, null, Map.of()));
        }
        return steps;
    }

    /** True when every dependency names a step and a topological order exists. */
    static boolean resolvesAndIsAcyclic(List<StepDraft> steps) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (StepDraft step : steps) {
            waiting.put(step.name(), 0);
        }
        for (StepDraft step : steps) {
            for (String dependency : new HashSet<>(step.dependsOn())) {
                if (!waiting.containsKey(dependency)) {
                    return false;
                }
                waiting.merge(step.name(), 1, Integer::sum);
                dependents.computeIfAbsent(dependency, name -> new ArrayList<>()).add(step.name());
            }
        }
        ArrayDeque<String> ready = new ArrayDeque<>();
        waiting.forEach((name, count) -> {
            if (count == 0) {
                ready.add(name);
            }
        });
        int done = 0;
        while (!ready.isEmpty()) {
            String name = ready.poll();
            done++;
            for (String dependent : dependents.getOrDefault(name, List.of())) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        return done == waiting.size();
    }
}
