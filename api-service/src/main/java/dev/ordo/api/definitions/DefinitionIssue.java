package dev.ordo.api.definitions;

import dev.ordo.domain.validation.ValidationIssue;
import java.util.Map;

/**
 * One error or warning about a workflow definition as the API answers it: a finding of the graph
 * rules ({@link ValidationIssue}) or of the record limits ({@link DefinitionLimits}).
 * {@code errorType} is e.g. {@code CIRCULAR_DEPENDENCY} or {@code TOO_MANY_STEPS}.
 */
record DefinitionIssue(String stepId, String stepName, String errorType, String message, Map<String, Object> details) {

    static DefinitionIssue of(ValidationIssue issue) {
        return new DefinitionIssue(issue.stepId(), issue.stepName(), issue.errorType().name(), issue.message(),
                issue.details());
    }

    static DefinitionIssue ofWorkflow(String errorType, String message, Map<String, Object> details) {
        return new DefinitionIssue(null, null, errorType, message, details);
    }
}
