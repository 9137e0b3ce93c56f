package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.ValidationIssue.ofStep;

import dev.ordo.contract.definition.StepKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rules whose findings are warnings: the definition runs, but probably not as its author meant. */
final class AdvisoryRules {

    private AdvisoryRules() {
    }

    /** In a workflow of two or more steps, a step with no dependency and no dependent. */
    static List<ValidationIssue> disconnectedSteps(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        if (graph.nodeCount() < 2) {
            return issues;
        }
        for (int node = 0; node < graph.nodeCount(); node++) {
            StepDraft step = graph.step(node);
            if (StepGraph.dependencyNames(step).isEmpty() && graph.dependentCount(node) == 0) {
                issues.add(ofStep(step, IssueType.DISCONNECTED_STEP, "Step '" + step.name()
                        + "' neither depends on nor feeds any other step, so it runs on its own beside the rest",
                        Map.of()));
            }
        }
        return issues;
    }

    static List<ValidationIssue> duplicateDependencies(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            StepGraph.dependencyNames(step).stream().filter(StepGraph::isName)
                    .forEach(name -> counts.merge(name, 1, Integer::sum));
            counts.forEach((name, count) -> {
                if (count > 1) {
                    issues.add(ofStep(step, IssueType.DUPLICATE_DEPENDENCY, "Step '" + step.name()
                            + "' lists dependency '" + name + "' " + count + " times", Map.of("dependency", name)));
                }
            });
        }
        return issues;
    }

    /** A step ordered at or before a step it waits for. */
    static List<ValidationIssue> orderConflicts(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (int node = 0; node < graph.nodeCount(); node++) {
            StepDraft step = graph.step(node);
            for (int dependency : graph.dependencies(node)) {
                StepDraft earlier = graph.step(dependency);
                if (step.stepOrder() != null && earlier.stepOrder() != null && step.stepOrder() <= earlier.stepOrder()) {
                    issues.add(ofStep(step, IssueType.ORDER_CONFLICT, "Step '" + step.name() + "' has step_order "
                            + step.stepOrder() + " but depends on '" + earlier.name() + "' with step_order "
                            + earlier.stepOrder() + "; dependencies, not order, decide when it runs",
                            Map.of("dependency", earlier.name())));
                }
            }
        }
        return issues;
    }

    /** Retries and timeouts on {@code parallel} and {@code sequential} markers, which the engine completes itself. */
    static List<ValidationIssue> ignoredSettings(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            if (!(ConfigRules.kind(step).value() instanceof StepKind.Structural)) {
                continue;
            }
            String type = ConfigRules.stepType(step);
            for (Map.Entry<String, Integer> setting : settings(step).entrySet()) {
                issues.add(ofStep(step, IssueType.SETTING_IGNORED, "Step '" + step.name() + "' is a " + type
                        + " marker that the engine completes itself, so its " + setting.getKey() + " is never used",
                        Map.of("setting", setting.getKey())));
            }
        }
        return issues;
    }

    static List<ValidationIssue> unknownProcessingTypes(StepGraph graph) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            String processing = ConfigRules.processingType(step);
            if (processing != null && !ProcessingTypes.isKnown(processing)) {
                issues.add(ofStep(step, IssueType.UNKNOWN_PROCESSING_TYPE, "Step '" + step.name()
                        + "' uses processing_type '" + processing + "', which has no built-in handler; it runs only"
                        + " where a worker provides one", Map.of("processing_type", processing)));
            }
        }
        return issues;
    }

    static List<ValidationIssue> timeoutsBeyondWorkflow(StepGraph graph) {
        Integer limit = graph.draft().timeoutSeconds();
        List<ValidationIssue> issues = new ArrayList<>();
        for (StepDraft step : graph.steps()) {
            if (limit != null && step.timeoutSeconds() != null && step.timeoutSeconds() > limit) {
                issues.add(ofStep(step, IssueType.STEP_TIMEOUT_EXCEEDS_WORKFLOW, "Step '" + step.name()
                        + "' may run for " + step.timeoutSeconds() + " s per attempt, longer than the workflow's "
                        + limit + " s limit", Map.of("step_timeout_seconds", step.timeoutSeconds(),
                        "workflow_timeout_seconds", limit)));
            }
        }
        return issues;
    }

    private static Map<String, Integer> settings(StepDraft step) {
        Map<String, Integer> set = new LinkedHashMap<>();
        if (step.maxRetries() != null) {
            set.put("max_retries", step.maxRetries());
        }
        if (step.timeoutSeconds() != null) {
            set.put("timeout_seconds", step.timeoutSeconds());
        }
        return set;
    }
}
