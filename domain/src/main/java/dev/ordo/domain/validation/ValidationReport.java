package dev.ordo.domain.validation;

import java.util.List;

/** The verdict on a workflow definition: valid exactly when there are no errors; warnings never block. */
public record ValidationReport(List<ValidationIssue> errors, List<ValidationIssue> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
