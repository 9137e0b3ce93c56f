package dev.ordo.domain.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the circles in a {@link StepGraph}: one per group of steps that wait for each other
 * (a strongly connected component of two or more steps). Iterative throughout, so a chain of any
 * length is safe, and linear in steps plus dependencies.
 *
 * <p>Each circle is reported the same way whatever order the steps came in: it starts and ends at
 * the group's alphabetically first step and follows the shortest way round, choosing the
 * alphabetically first dependency at each fork.
 */
final class Cycles {

    private Cycles() {
    }

    /** Each circle as step names, first name repeated at the end; circles ordered by first name. */
    static List<List<String>> of(StepGraph graph) {
        int[] component = components(graph);
        List<List<String>> cycles = new ArrayList<>();
        boolean[] seen = new boolean[graph.nodeCount()];
        int[] sizes = new int[graph.nodeCount()];
        for (int node = 0; node < graph.nodeCount(); node++) {
            sizes[component[node]]++;
        }
        for (int node = 0; node < graph.nodeCount(); node++) {
            if (sizes[component[node]] > 1 && !seen[component[node]]) {
                seen[component[node]] = true;
                cycles.add(shortestCircleThrough(graph, node, component));
            }
        }
        return cycles;
    }

    /** Tarjan's algorithm with an explicit call stack: the component number of each node. */
    private static int[] components(StepGraph graph) {
        int n = graph.nodeCount();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int stackTop = 0;
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] != -1) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[stackTop++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int node = callNode[depth];
                int[] edges = graph.dependencies(node);
                if (callEdge[depth] < edges.length) {
                    int next = edges[callEdge[depth]++];
                    if (index[next] == -1) {
                        index[next] = low[next] = counter++;
                        stack[stackTop++] = next;
                        onStack[next] = true;
                        depth++;
                        callNode[depth] = next;
                        callEdge[depth] = 0;
                    } else if (onStack[next]) {
                        low[node] = Math.min(low[node], index[next]);
                    }
                    continue;
                }
                if (low[node] == index[node]) {
                    int member;
                    do {
                        member = stack[--stackTop];
                        onStack[member] = false;
                        component[member] = components;
                    } while (member != node);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    low[callNode[depth]] = Math.min(low[callNode[depth]], low[node]);
                }
            }
        }
        return component;
    }

    /** Breadth-first from {@code start} inside its component until an edge leads back to it. */
    private static List<String> shortestCircleThrough(StepGraph graph, int start, int[] component) {
        int[] parent = new int[graph.nodeCount()];
        Arrays.fill(parent, -2);
        parent[start] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int next : graph.dependencies(node)) {
                if (next == start) {
                    return path(graph, parent, node, start);
                }
                if (component[next] == component[start] && parent[next] == -2) {
                    parent[next] = node;
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("Expected a circle through '" + graph.name(start)
                + "' inside its component, but found none");
    }

    private static List<String> path(StepGraph graph, int[] parent, int last, int start) {
        ArrayDeque<String> names = new ArrayDeque<>();
        names.addFirst(graph.name(start));
        for (int node = last; node != -1; node = parent[node]) {
            names.addFirst(graph.name(node));
        }
        return List.copyOf(names);
    }
}
