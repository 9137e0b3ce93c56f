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
import java.util.function.Supplier;

/**
 * Runs the {@link DefinitionLimits} and then the graph rules of {@link WorkflowValidator} over a
 * request or a stored document; a definition over a limit is not checked further (the rules would
 * only spend time on a graph that cannot run). An invalid definition is refused with 400 and
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
        return limitsThenRules(snapshotOf(request), () -> WorkflowValidator.validate(draftOf(request)));
    }

    /** Checks a new workflow: the request's graph, and the size of the document it makes. */
    static void requireValid(WorkflowCreate request, WorkflowDocument document) {
        refuseIfInvalid(limitsThenRules(document.snapshot(), () -> WorkflowValidator.validate(draftOf(request))));
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
        refuseIfInvalid(limitsThenRules(document.snapshot(), () -> WorkflowValidator.validate(draft)));
    }

    private static Verdict limitsThenRules(WorkflowSnapshot definition, Supplier<ValidationReport> rules) {
        List<DefinitionIssue> overLimits = DefinitionLimits.check(definition);
        return overLimits.isEmpty() ? Verdict.of(rules.get()) : new Verdict(overLimits, List.of());
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

    /** The definition the request would run, as far as it can be read (null entries left out). */
    private static WorkflowSnapshot snapshotOf(WorkflowCreate request) {
        List<StepSpec> steps = request.steps() == null ? List.of() : request.steps().stream()
                .filter(Objects::nonNull)
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
