package dev.ordo.domain.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with (error) or doubtful about (warning) a workflow definition. Errors and warnings
 * share this shape. {@code stepName} is set whenever a single step is to blame, {@code stepId} when that
 * step is already stored. {@code details} holds the facts behind the message, for programs; its
 * values may be null and keep their order.
 */
public record ValidationIssue(String stepId, String stepName, IssueType errorType, String message,
                              Map<String, Object> details) {

    public ValidationIssue {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    static ValidationIssue ofWorkflow(IssueType type, String message, Map<String, Object> details) {
        return new ValidationIssue(null, null, type, message, details);
    }

    static ValidationIssue ofStep(StepDraft step, IssueType type, String message, Map<String, Object> details) {
        return new ValidationIssue(step.id(), step.name(), type, message, details);
    }
}
