package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.ValidationIssue.ofStep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rules about {@code depends_on_steps}: every name a step of the workflow, no step waiting on itself. */
final class DependencyRules {

    private DependencyRules() {
    }

    static List<ValidationIssue> missingDependencies(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            for (String dependency : StepGraph.dependencyNames(step)) {
                if (!StepGraph.isName(dependency)) {
                    issues.add(missing(step, dependency, "Step '" + step.name()
                            + "' lists a dependency without a name"));
                } else if (!graph.hasStep(dependency)) {
                    issues.add(missing(step, dependency, "Step '" + step.name() + "' depends on '" + dependency
                            + "', but the workflow has no step of that name"));
                }
            }
        }
        return issues;
    }

    static List<ValidationIssue> selfDependencies(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            if (StepGraph.isName(step.name()) && StepGraph.dependencyNames(step).contains(step.name())) {
                issues.add(ofStep(step, IssueType.SELF_DEPENDENCY, "Step '" + step.name()
                        + "' depends on itself, so it can never start", Map.of()));
            }
        }
        return issues;
    }

    /** One error per group of steps that wait for each other, naming one circle of that group. */
    static List<ValidationIssue> circularDependencies(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (List<String> cycle : Cycles.of(graph)) {
            StepDraft first = graph.step(graph.node(cycle.get(0)));
            String path = cycle.stream().map(name -> "'" + name + "'").collect(Collectors.joining(" -> "));
            issues.add(ofStep(first, IssueType.CIRCULAR_DEPENDENCY, "Steps depend on each other in a circle: " + path
                    + " (each waits for the next), so none of them can start", Map.of("cycle", cycle)));
        }
        return issues;
    }

    private static ValidationIssue missing(StepDraft step, String dependency, String message) {
        Map<String, Object> details = new HashMap<>();
        details.put("dependency", dependency);
        return ofStep(step, IssueType.MISSING_DEPENDENCY, message, details);
    }
}
