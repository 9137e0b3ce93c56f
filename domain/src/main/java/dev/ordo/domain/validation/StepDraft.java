package dev.ordo.domain.validation;

import java.util.List;
import java.util.Map;

/**
 * One step as a client described it, before anything was checked: every field may be null.
 *
 * @param id the stored step's id when there is one, else null
 * @param dependsOn names of the steps this one waits for; null entries allowed
 */
public record StepDraft(
        String id,
        String name,
        String stepType,
        Integer stepOrder,
        List<String> dependsOn,
        Integer timeoutSeconds,
        Integer maxRetries,
        String conditionExpression,
        Map<String, Object> config) {
}
