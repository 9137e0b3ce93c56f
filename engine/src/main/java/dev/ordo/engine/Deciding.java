package dev.ordo.engine;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.domain.execution.Decider;
import dev.ordo.domain.execution.ExecutionState;
import java.time.Instant;

/**
 * The engine's one call into the domain: what one input comes to for one execution. The domain's
 * {@link Decider} already turns a failure while deciding into an incident; whatever still escapes
 * is an incident of that execution (see {@link ExecutionProcessor}), never a failure of the stream
 * thread.
 */
@FunctionalInterface
interface Deciding {

    Decider DOMAIN = new Decider();

    Decided decide(ExecutionState before, EngineInput input, Instant now);

    /** The domain's decider, with its outcome numbered into envelopes at {@code now}. */
    static Decided byTheDomain(ExecutionState before, EngineInput input, Instant now) {
        return Decided.of(before, DOMAIN.decide(before, input, () -> now), now);
    }
}
