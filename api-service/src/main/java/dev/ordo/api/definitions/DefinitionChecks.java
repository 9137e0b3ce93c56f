package dev.ordo.api.definitions;

import dev.ordo.api.web.ApiException;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.domain.validation.StepDraft;
import dev.ordo.domain.validation.ValidationReport;
import dev.ordo.domain.validation.WorkflowDraft;
import dev.ordo.domain.validation.WorkflowValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Judges a request or a stored document: its step count against {@link DefinitionLimits}, then the
 * graph rules of {@link WorkflowValidator}, then its size; the first that fails gives the errors.
 * An invalid definition is refused with 400 and
 * {@code {"message": "Workflow validation failed", "errors", "warnings"}}.
 */
final class DefinitionChecks {

    /** Errors block a definition, warnings do not. */
    record Verdict(List<DefinitionIssue> errors, List<DefinitionIssue> warnings) {

        boolean isValid() {
            return errors.isEmpty();
        }

        static Verdict of(ValidationReport report) {
            return new Verdict(report.errors().stream().map(DefinitionIssue::of).toList(),
                    report.warnings().stream().map(DefinitionIssue::of).toList());
        }
    }

    private DefinitionChecks() {
    }

    /** The verdict on a request, whatever it holds (for {@code validate}). Steps not yet stored have no id. */
    static Verdict report(WorkflowCreate request) {
        return verdict(request.steps() == null ? 0 : request.steps().size(),
                () -> WorkflowValidator.validate(draftOf(request)), () -> snapshotOf(request));
    }

    /** Checks a new workflow: the request's graph, and the size of the document it makes. */
    static void requireValid(WorkflowCreate request, WorkflowDocument document) {
        refuseIfInvalid(verdict(document.steps().size(), () -> WorkflowValidator.validate(draftOf(request)),
                document::snapshot));
    }

    /** Checks a revised document; its steps carry their ids, so errors name them. */
    static void requireValid(WorkflowDocument document) {
        List<StepDraft> steps = document.steps().stream()
                .map(step -> new StepDraft(step.id().toString(), step.name(), step.stepType(), step.stepOrder(),
                        step.dependsOnSteps(), step.timeoutSeconds(), step.maxRetries(), step.conditionExpression(),
                        step.config()))
                .toList();
        WorkflowDraft draft = new WorkflowDraft(document.timeoutSeconds(), steps,
                document.variables().stream().map(WorkflowDocument.Variable::name).toList());
        refuseIfInvalid(verdict(document.steps().size(), () -> WorkflowValidator.validate(draft), document::snapshot));
    }

    private static Verdict verdict(int steps, Supplier<ValidationReport> rules, Supplier<WorkflowSnapshot> definition) {
        Optional<DefinitionIssue> tooManySteps = DefinitionLimits.tooManySteps(steps);
        if (tooManySteps.isPresent()) {
            return new Verdict(List.of(tooManySteps.get()), List.of());
        }
        Verdict graph = Verdict.of(rules.get());
        if (!graph.isValid()) {
            return graph;
        }
        return DefinitionLimits.tooLarge(definition.get())
                .map(tooLarge -> new Verdict(List.of(tooLarge), graph.warnings()))
                .orElse(graph);
    }

    private static WorkflowDraft draftOf(WorkflowCreate request) {
        List<StepDraft> steps = request.steps() == null ? null : request.steps().stream()
                .map(step -> step == null ? null : new StepDraft(null, step.name(), step.stepType(), step.stepOrder(),
                        step.dependsOnSteps(), step.timeoutSeconds(), step.maxRetries(), step.conditionExpression(),
                        step.config()))
                .toList();
        List<String> variables = request.variables() == null ? null : request.variables().stream()
                .map(variable -> variable == null ? null : variable.name()).toList();
        return new WorkflowDraft(request.timeoutSeconds(), steps, variables);
    }

    /** The definition a request that passed the graph rules would run. */
    private static WorkflowSnapshot snapshotOf(WorkflowCreate request) {
        List<StepSpec> steps = request.steps() == null ? List.of() : request.steps().stream()
                .map(step -> new StepSpec(step.name(), step.stepType(), Objects.requireNonNullElse(step.stepOrder(), 0),
                        step.dependsOnSteps(), step.timeoutSeconds(), step.maxRetries(), step.conditionExpression(),
                        step.config()))
                .toList();
        return new WorkflowSnapshot(
                Objects.requireNonNullElse(request.timeoutSeconds(), WorkflowDocuments.DEFAULT_TIMEOUT_SECONDS),
                Objects.requireNonNullElse(request.maxRetries(), WorkflowDocuments.DEFAULT_MAX_RETRIES),
                request.config(), steps);
    }

    private static void refuseIfInvalid(Verdict verdict) {
        if (!verdict.isValid()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("message", "Workflow validation failed");
            detail.put("errors", verdict.errors());
            detail.put("warnings", verdict.warnings());
            throw ApiException.badRequest(detail);
        }
    }
}
