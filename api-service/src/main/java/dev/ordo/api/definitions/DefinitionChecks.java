package dev.ordo.api.definitions;

import dev.ordo.api.web.ApiException;
import dev.ordo.domain.validation.StepDraft;
import dev.ordo.domain.validation.ValidationReport;
import dev.ordo.domain.validation.WorkflowDraft;
import dev.ordo.domain.validation.WorkflowValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the graph rules of {@link WorkflowValidator} over a request or a stored document. An invalid
 * definition is refused with 400 and {@code {"message": "Workflow validation failed", "errors", "warnings"}}.
 */
final class DefinitionChecks {

    private DefinitionChecks() {
    }

    /** The verdict on a request, whatever it holds. Steps not yet stored have no id. */
    static ValidationReport report(WorkflowCreate request) {
        List<StepDraft> steps = request.steps() == null ? null : request.steps().stream()
                .map(step -> step == null ? null : new StepDraft(null, step.name(), step.stepType(), step.stepOrder(),
                        step.dependsOnSteps(), step.timeoutSeconds(), step.maxRetries(), step.conditionExpression(),
                        step.config()))
                .toList();
        List<String> variables = request.variables() == null ? null : request.variables().stream()
                .map(variable -> variable == null ? null : variable.name()).toList();
        return WorkflowValidator.validate(new WorkflowDraft(request.timeoutSeconds(), steps, variables));
    }

    static void requireValid(WorkflowCreate request) {
        refuseIfInvalid(report(request));
    }

    /** Checks a revised document; its steps carry their ids, so errors name them. */
    static void requireValid(WorkflowDocument document) {
        List<StepDraft> steps = document.steps().stream()
                .map(step -> new StepDraft(step.id().toString(), step.name(), step.stepType(), step.stepOrder(),
                        step.dependsOnSteps(), step.timeoutSeconds(), step.maxRetries(), step.conditionExpression(),
                        step.config()))
                .toList();
        refuseIfInvalid(WorkflowValidator.validate(new WorkflowDraft(document.timeoutSeconds(), steps,
                document.variables().stream().map(WorkflowDocument.Variable::name).toList())));
    }

    private static void refuseIfInvalid(ValidationReport report) {
        if (!report.isValid()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("message", "Workflow validation failed");
            detail.put("errors", report.errors());
            detail.put("warnings", report.warnings());
            throw ApiException.badRequest(detail);
        }
    }
}
