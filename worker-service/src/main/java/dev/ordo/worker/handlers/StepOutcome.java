package dev.ordo.worker.handlers;

import java.util.Map;

/** How one attempt ended: an output, or an error that another attempt may or may not fix. */
public sealed interface StepOutcome {

    record Succeeded(Map<String, Object> output) implements StepOutcome {
    }

    record Failed(String error, boolean retryable) implements StepOutcome {
    }

    static StepOutcome succeeded(Map<String, Object> output) {
        return new Succeeded(output);
    }

    static StepOutcome failedTerminally(String error) {
        return new Failed(error, false);
    }
}
