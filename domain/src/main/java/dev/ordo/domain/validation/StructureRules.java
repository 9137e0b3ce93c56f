package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.ValidationIssue.ofStep;
import static dev.ordo.domain.validation.ValidationIssue.ofWorkflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Rules about the step list itself: present, well-formed, uniquely named, orders without gaps. */
final class StructureRules {

    private static final int LISTED_MISSING_ORDERS = 10;

    private StructureRules() {
    }

    static List<ValidationIssue> missingSteps(StepGraph graph) {
        List<StepDraft> given = graph.draft().steps();
        return given == null || given.isEmpty()
                ? List.of(ofWorkflow(IssueType.MISSING_STEPS, "A workflow needs at least one step, but none were given",
                        Map.of()))
                : List.of();
    }

    /** Null entries, nameless steps and numbers below their minimum. */
    static List<ValidationIssue> invalidSteps(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        List<StepDraft> given = graph.draft().steps() == null ? List.of() : graph.draft().steps();
        for (int i = 0; i < given.size(); i++) {
            StepDraft step = given.get(i);
            Map<String, Object> at = Map.of("position", i + 1);
            if (step == null) {
                issues.add(ofWorkflow(IssueType.INVALID_STEP, "Step at position " + (i + 1)
                        + " is null, but a step object was expected", at));
                continue;
            }
            if (!StepGraph.isName(step.name())) {
                issues.add(ofStep(step, IssueType.INVALID_STEP, "Step at position " + (i + 1) + " has no name", at));
            }
            atLeast(step, "step_order", step.stepOrder(), 1).ifPresent(issues::add);
            atLeast(step, "timeout_seconds", step.timeoutSeconds(), 1).ifPresent(issues::add);
            atLeast(step, "max_retries", step.maxRetries(), 0).ifPresent(issues::add);
        }
        return issues;
    }

    static List<ValidationIssue> duplicateStepNames(StepGraph graph) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        List<StepDraft> given = graph.draft().steps() == null ? List.of() : graph.draft().steps();
        for (int i = 0; i < given.size(); i++) {
            StepDraft step = given.get(i);
            if (step != null && StepGraph.isName(step.name())) {
                positions.computeIfAbsent(step.name(), name -> new ArrayList<>()).add(i + 1);
            }
        }
        List<ValidationIssue> issues = new ArrayList<>();
        positions.forEach((name, at) -> {
            if (at.size() > 1) {
                issues.add(ofStep(given.get(at.get(1) - 1), IssueType.DUPLICATE_STEP_NAMES, "Step name '" + name
                        + "' is used by " + at.size() + " steps (positions " + joined(at)
                        + "), but step names must be unique", Map.of("name", name, "positions", at)));
            }
        });
        return issues;
    }

    static List<ValidationIssue> duplicateVariableNames(StepGraph graph) {
        List<String> declared = graph.draft().variableNames() == null ? List.of() : graph.draft().variableNames();
        Map<String, Long> counts = declared.stream().filter(Objects::nonNull)
                .collect(Collectors.groupingBy(name -> name, LinkedHashMap::new, Collectors.counting()));
        List<ValidationIssue> issues = new ArrayList<>();
        counts.forEach((name, count) -> {
            if (count > 1) {
                issues.add(ofWorkflow(IssueType.DUPLICATE_VARIABLE_NAMES, "Variable name '" + name + "' is declared "
                        + count + " times, but variable names must be unique", Map.of("name", name, "count", count)));
            }
        });
        return issues;
    }

    /** The distinct orders must be exactly 1..k; equal orders are fine (parallel branches). */
    static List<ValidationIssue> nonSequentialOrder(StepGraph graph) {
        TreeSet<Integer> orders = graph.steps().stream().map(StepDraft::stepOrder)
                .filter(order -> order != null && order >= 1)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Integer> missing = new ArrayList<>();
        long missingCount = 0;
        int expected = 1;
        Integer firstAfterGap = null;
        for (int order : orders) {
            if (order > expected) {
                missingCount += order - expected;
                firstAfterGap = firstAfterGap == null ? order : firstAfterGap;
                for (int gap = expected; gap < order && missing.size() < LISTED_MISSING_ORDERS; gap++) {
                    missing.add(gap);
                }
            }
            expected = order + 1;
        }
        if (missingCount == 0) {
            return List.of();
        }
        int blamedOrder = firstAfterGap;
        StepDraft blamed = graph.steps().stream().filter(step -> Objects.equals(step.stepOrder(), blamedOrder))
                .min(java.util.Comparator.comparing(StepDraft::name, java.util.Comparator.nullsLast(String::compareTo)))
                .orElseThrow();
        String listed = joined(missing) + (missingCount > missing.size() ? ", ... (" + missingCount + " in all)" : "");
        return List.of(ofStep(blamed, IssueType.NON_SEQUENTIAL_ORDER, "step_order values must run 1, 2, 3, ... "
                + "without gaps, but " + listed + (missingCount == 1 ? " is" : " are") + " missing",
                Map.of("missing_orders", missing, "missing_count", missingCount)));
    }

    private static java.util.Optional<ValidationIssue> atLeast(StepDraft step, String field, Integer value, int minimum) {
        if (value == null || value >= minimum) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ofStep(step, IssueType.INVALID_STEP, "Step '" + step.name() + "' has " + field
                + " " + value + ", but it must be at least " + minimum, Map.of("field", field, "value", value)));
    }

    private static String joined(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
