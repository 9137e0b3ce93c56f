package dev.ordo.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The "when validated, then ..." half of a validation test. */
final class Verdict {

    private final ValidationReport report;

    private Verdict(ValidationReport report) {
        this.report = report;
    }

    static Verdict whenValidated(WorkflowDraft draft) {
        return new Verdict(WorkflowValidator.validate(draft));
    }

    Verdict thenValid() {
        assertThat(report.errors()).as("errors").isEmpty();
        assertThat(report.isValid()).isTrue();
        return this;
    }

    Verdict thenErrorTypes(IssueType... types) {
        assertThat(report.errors()).extracting(ValidationIssue::errorType).as("error types").containsExactly(types);
        assertThat(report.isValid()).isFalse();
        return this;
    }

    Verdict thenWarningTypes(IssueType... types) {
        assertThat(report.warnings()).extracting(ValidationIssue::errorType).as("warning types").containsExactly(types);
        return this;
    }

    /** The only error, or the only warning, of {@code type} blames {@code step} with {@code message}. */
    Verdict thenFinding(IssueType type, String step, String message) {
        List<ValidationIssue> found = (type.isBlocking() ? report.errors() : report.warnings()).stream()
                .filter(issue -> issue.errorType() == type).toList();
        assertThat(found).as("%s findings", type).hasSize(1);
        assertThat(found.get(0).stepName()).as("step to blame").isEqualTo(step);
        assertThat(found.get(0).message()).isEqualTo(message);
        return this;
    }

    ValidationReport report() {
        return report;
    }
}
