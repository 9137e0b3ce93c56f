package dev.ordo.expression;

import dev.ordo.expression.Reference.StepOutputReference;
import dev.ordo.expression.Reference.VariableReference;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a text (a condition or an input template) refers to through {@code ${...}}.
 *
 * <p>Syntax: {@code ${name}} or {@code ${name.field...}} for input variable {@code name};
 * {@code ${steps.<step>.output}} or {@code ${steps.<step>.output.field...}} for a step's output.
 * Whitespace around segments is ignored; the name {@code steps} is reserved. Malformed references
 * are not listed; {@link #syntaxError} names them.
 */
public final class References {

    private References() {
    }

    /** Names of input variables referenced as {@code ${name}} (not {@code ${steps...}}), in order of first appearance. */
    public static List<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (Placeholder placeholder : wellFormed(text)) {
            if (placeholder.reference() instanceof VariableReference variable) {
                names.add(variable.name());
            }
        }
        return List.copyOf(names);
    }

    /** Names of steps referenced as {@code ${steps.<name>.output...}}, in order of first appearance. */
    public static List<String> steps(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (Placeholder placeholder : wellFormed(text)) {
            if (placeholder.reference() instanceof StepOutputReference step) {
                names.add(step.step());
            }
        }
        return List.copyOf(names);
    }

    /** Every reference in {@code text} in order, repeats included. */
    public static List<Reference> all(String text) {
        return wellFormed(text).stream().map(Placeholder::reference).toList();
    }

    /** Empty when every {@code ${...}} in {@code text} is well formed; otherwise what the first bad one is. */
    public static Optional<String> syntaxError(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(Placeholder.scan(text).error());
    }

    private static List<Placeholder> wellFormed(String text) {
        if (text == null) {
            return List.of();
        }
        return Placeholder.scan(text).placeholders();
    }
}
