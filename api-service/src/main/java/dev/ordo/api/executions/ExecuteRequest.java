package dev.ordo.api.executions;

import java.util.Map;

/** The optional body of {@code POST /api/workflows/{id}/execute}. */
public record ExecuteRequest(Map<String, Object> inputVariables) {
}
