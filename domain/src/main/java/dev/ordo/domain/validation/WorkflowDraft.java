package dev.ordo.domain.validation;

import java.util.List;

/**
 * A workflow definition as submitted, the input of {@link WorkflowValidator}. Every field, and
 * every element of the lists, may be null; the validator reports what is wrong instead of failing.
 *
 * @param timeoutSeconds the workflow's own timeout, or null when not given
 * @param variableNames the names of the declared variables
 */
public record WorkflowDraft(Integer timeoutSeconds, List<StepDraft> steps, List<String> variableNames) {
}
