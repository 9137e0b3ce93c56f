package dev.ordo.expression;

/** What evaluating a condition gave: a truth value, or why there is none. */
public sealed interface Verdict {

    record Decided(boolean holds) implements Verdict {
    }

    /** The condition could not be evaluated; {@code error} says why, naming the condition. */
    record Failed(String error) implements Verdict {
    }
}
