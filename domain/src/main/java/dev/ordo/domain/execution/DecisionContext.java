package dev.ordo.domain.execution;

import java.time.Instant;

/** What a decision may know of the world beyond its inputs: only the time. */
@FunctionalInterface
public interface DecisionContext {

    Instant now();
}
