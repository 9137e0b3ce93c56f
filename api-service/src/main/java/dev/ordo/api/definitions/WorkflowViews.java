package dev.ordo.api.definitions;

import java.util.List;
import java.util.UUID;

/** The smaller answers of the definition routes. */
final class WorkflowViews {

    private WorkflowViews() {
    }

    /** {@code GET /api/workflows/}: one page and the number of workflows the filter matches. */
    record WorkflowList(List<WorkflowResponse> items, long total, int skip, int limit) {
    }

    /** {@code DELETE /api/workflows/{id}}. */
    record Deletion(String status, UUID workflowId) {

        static Deletion of(UUID workflowId) {
            return new Deletion("deleted", workflowId);
        }
    }

    /** {@code POST /api/workflows/validate}: errors block a definition, warnings do not. */
    record ValidationResult(boolean isValid, List<DefinitionIssue> errors, List<DefinitionIssue> warnings) {

        static ValidationResult of(DefinitionChecks.Verdict verdict) {
            return new ValidationResult(verdict.isValid(), verdict.errors(), verdict.warnings());
        }
    }
}
