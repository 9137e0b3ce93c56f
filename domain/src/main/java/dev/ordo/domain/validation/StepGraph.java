package dev.ordo.domain.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The dependency graph of a draft, built once for all rules. Each distinct step name is one node,
 * numbered in ascending name order so that walking nodes by number is deterministic. An edge runs
 * from a step to each step it depends on; unknown names and self-references make no edge. Steps
 * that share a name share a node (the duplicate itself is reported by another rule).
 */
final class StepGraph {

    private final WorkflowDraft draft;
    private final List<StepDraft> steps;
    private final Map<String, Integer> nodeByName;
    private final String[] names;
    private final StepDraft[] firstStep;
    private final int[][] dependencies;
    private final int[] dependentCounts;

    private StepGraph(WorkflowDraft draft, List<StepDraft> steps, Map<String, Integer> nodeByName, String[] names,
                      StepDraft[] firstStep, int[][] dependencies, int[] dependentCounts) {
        this.draft = draft;
        this.steps = steps;
        this.nodeByName = nodeByName;
        this.names = names;
        this.firstStep = firstStep;
        this.dependencies = dependencies;
        this.dependentCounts = dependentCounts;
    }

    static StepGraph of(WorkflowDraft draft) {
        List<StepDraft> steps = draft.steps() == null ? List.of()
                : draft.steps().stream().filter(Objects::nonNull).toList();
        String[] names = steps.stream().map(StepDraft::name).filter(StepGraph::isName)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).toArray(String[]::new);
        Map<String, Integer> nodeByName = new HashMap<>();
        for (int node = 0; node < names.length; node++) {
            nodeByName.put(names[node], node);
        }
        StepDraft[] firstStep = new StepDraft[names.length];
        List<TreeSet<Integer>> edges = new ArrayList<>(Collections.nCopies(names.length, null));
        for (StepDraft step : steps) {
            Integer node = isName(step.name()) ? nodeByName.get(step.name()) : null;
            if (node == null) {
                continue;
            }
            if (firstStep[node] == null) {
                firstStep[node] = step;
                edges.set(node, new TreeSet<>());
            }
            for (String dependency : dependencyNames(step)) {
                Integer target = dependency == null ? null : nodeByName.get(dependency);
                if (target != null && target.intValue() != node) {
                    edges.get(node).add(target);
                }
            }
        }
        int[][] dependencies = new int[names.length][];
        int[] dependentCounts = new int[names.length];
        for (int node = 0; node < names.length; node++) {
            dependencies[node] = edges.get(node).stream().mapToInt(Integer::intValue).toArray();
            Arrays.stream(dependencies[node]).forEach(target -> dependentCounts[target]++);
        }
        return new StepGraph(draft, steps, nodeByName, names, firstStep, dependencies, dependentCounts);
    }

    /** The draft's step list with null entries left out, in the order given. */
    List<StepDraft> steps() {
        return steps;
    }

    WorkflowDraft draft() {
        return draft;
    }

    int nodeCount() {
        return names.length;
    }

    boolean hasStep(String name) {
        return name != null && nodeByName.containsKey(name);
    }

    /** The node of a step name, or -1 when no step has it. */
    int node(String name) {
        return name == null ? -1 : nodeByName.getOrDefault(name, -1);
    }

    String name(int node) {
        return names[node];
    }

    /** The first step that carries the node's name. */
    StepDraft step(int node) {
        return firstStep[node];
    }

    /** The nodes this node depends on, ascending, without repeats. */
    int[] dependencies(int node) {
        return dependencies[node];
    }

    int dependentCount(int node) {
        return dependentCounts[node];
    }

    /** A step's dependency list, never null (its entries may be). */
    static List<String> dependencyNames(StepDraft step) {
        return step.dependsOn() == null ? List.of() : step.dependsOn();
    }

    static boolean isName(String name) {
        return name != null && !name.isBlank();
    }
}
