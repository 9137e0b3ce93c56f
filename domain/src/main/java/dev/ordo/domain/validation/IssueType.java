package dev.ordo.domain.validation;

/**
 * Every kind of finding, with whether it blocks the definition. The names are the API's
 * {@code error_type} values for both errors and warnings.
 */
public enum IssueType {
    /** The workflow has no steps. */
    MISSING_STEPS(true),
    /** A step entry is null, has no name, or has a timeout, retry count or order out of range. */
    INVALID_STEP(true),
    /** Two or more steps share a name. */
    DUPLICATE_STEP_NAMES(true),
    /** Two or more variables share a name. */
    DUPLICATE_VARIABLE_NAMES(true),
    /** The distinct step orders do not run 1, 2, 3, ... without a gap. */
    NON_SEQUENTIAL_ORDER(true),
    /** A step depends on, or refers to the output of, a name that is no step of the workflow. */
    MISSING_DEPENDENCY(true),
    /** A step depends on itself. */
    SELF_DEPENDENCY(true),
    /** Steps wait for each other in a circle, so none of them can ever start. */
    CIRCULAR_DEPENDENCY(true),
    /** A condition expression does not parse. */
    INVALID_CONDITION(true),
    /** A step's type is unknown or its config is refused by the rules of its step or processing type. */
    INVALID_CONFIG(true),
    /** A {@code ${...}} reference names a variable the workflow does not declare. */
    UNKNOWN_VARIABLE(true),

    /** A step in a multi-step workflow that neither depends on nor feeds any other step. */
    DISCONNECTED_STEP(false),
    /** The same dependency listed twice on one step. */
    DUPLICATE_DEPENDENCY(false),
    /** A step's order is not after the order of a step it depends on, so the order misleads readers. */
    ORDER_CONFLICT(false),
    /** A setting that has no effect on this kind of step, such as retries on a structural marker. */
    SETTING_IGNORED(false),
    /** A processing type without config rules on the classpath: it runs only where a worker registers it. */
    UNKNOWN_PROCESSING_TYPE(false),
    /** A step may wait longer than the whole workflow is allowed to take. */
    STEP_TIMEOUT_EXCEEDS_WORKFLOW(false),
    /** A step reads the output of a step that does not run before it, so the value may be absent. */
    OUTPUT_NOT_UPSTREAM(false);

    private final boolean blocking;

    IssueType(boolean blocking) {
        this.blocking = blocking;
    }

    /** True for errors, false for warnings. */
    public boolean isBlocking() {
        return blocking;
    }
}
