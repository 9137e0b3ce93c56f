package dev.ordo.expression;

/** What evaluating a value expression gave: a JSON-like value, or why there is none. */
public sealed interface Evaluation {

    /** {@code value} is null, a boolean, a long, a double, a string, or a list or map of these. */
    record Value(Object value) implements Evaluation {
    }

    /** {@code error} says why, naming the expression. */
    record Failed(String error) implements Evaluation {
    }
}
