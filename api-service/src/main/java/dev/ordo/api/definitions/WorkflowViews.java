package dev.ordo.api.definitions;

import dev.ordo.domain.validation.ValidationIssue;
import dev.ordo.domain.validation.ValidationReport;
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
    record ValidationResult(boolean isValid, List<ValidationIssue> errors, List<ValidationIssue> warnings) {

        static ValidationResult of(ValidationReport report) {
            return new ValidationResult(report.isValid(), report.errors(), report.warnings());
        }
    }
}
