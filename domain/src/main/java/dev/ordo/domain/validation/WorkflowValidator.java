package dev.ordo.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Judges a workflow definition by a fixed list of named rules, each a pure function of the draft's
 * {@link StepGraph}. Any input is accepted, including nulls anywhere, an empty step list and very
 * large or deep graphs (no recursion, time near-linear in steps plus dependencies); the result is the
 * same for the same draft, findings in rule order and, within a rule, in step order.
 *
 * <p>A workflow without steps gets {@link IssueType#MISSING_STEPS} alone: no other rule has
 * anything to say about it.
 */
public final class WorkflowValidator {

    private static final List<Function<StepGraph, List<ValidationIssue>>> RULES = List.of(
            StructureRules::invalidSteps,
            StructureRules::duplicateStepNames,
            StructureRules::duplicateVariableNames,
            StructureRules::nonSequentialOrder,
            DependencyRules::missingDependencies,
            DependencyRules::selfDependencies,
            DependencyRules::circularDependencies,
            ConfigRules::invalidConfigs,
            ReferenceRules::invalidConditions,
            ReferenceRules::malformedInputReferences,
            ReferenceRules::unknownVariables,
            ReferenceRules::stepOutputReferences,
            AdvisoryRules::disconnectedSteps,
            AdvisoryRules::duplicateDependencies,
            AdvisoryRules::orderConflicts,
            AdvisoryRules::ignoredSettings,
            AdvisoryRules::unknownProcessingTypes,
            AdvisoryRules::timeoutsBeyondWorkflow);

    private WorkflowValidator() {
    }

    public static ValidationReport validate(WorkflowDraft draft) {
        StepGraph graph = StepGraph.of(draft == null ? new WorkflowDraft(null, null, null) : draft);
        List<ValidationIssue> missing = StructureRules.missingSteps(graph);
        if (!missing.isEmpty()) {
            return new ValidationReport(missing, List.of());
        }
        List<ValidationIssue> errors = new ArrayList<>();
        List<ValidationIssue> warnings = new ArrayList<>();
        for (Function<StepGraph, List<ValidationIssue>> rule : RULES) {
            for (ValidationIssue issue : rule.apply(graph)) {
                (issue.errorType().isBlocking() ? errors : warnings).add(issue);
            }
        }
        return new ValidationReport(errors, warnings);
    }
}
