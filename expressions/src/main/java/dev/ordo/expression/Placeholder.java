package dev.ordo.expression;

import dev.ordo.expression.Reference.StepOutputReference;
import dev.ordo.expression.Reference.VariableReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code ${...}} occurrence in a text: where it stands and what it refers to.
 *
 * @param start index of the {@code $}
 * @param end index just after the closing brace
 * @param source the occurrence as written, e.g. {@code ${steps.a.output.total}}
 */
record Placeholder(int start, int end, String source, Reference reference) {

    private static final String STEPS = "steps";
    private static final String OUTPUT = "output";

    /** Every well-formed placeholder in {@code text}, in order, and what the first malformed one is. */
    static Scan scan(String text) {
        List<Placeholder> found = new ArrayList<>();
        String firstError = null;
        int from = text.indexOf("${");
        while (from >= 0) {
            int close = text.indexOf('}', from + 2);
            if (close < 0) {
                String error = "Expected '}' to close the reference at position " + from + ", but the text ends";
                return new Scan(List.copyOf(found), firstError == null ? error : firstError);
            }
            String source = text.substring(from, close + 1);
            Reference reference = reference(text.substring(from + 2, close));
            if (reference != null) {
                found.add(new Placeholder(from, close + 1, source, reference));
            } else if (firstError == null) {
                firstError = "Expected ${variable} or ${steps.<name>.output...}, but found " + source;
            }
            from = text.indexOf("${", close + 1);
        }
        return new Scan(List.copyOf(found), firstError);
    }

    private static Reference reference(String body) {
        List<String> segments = Arrays.stream(body.split("\\.", -1)).map(String::trim).toList();
        if (segments.stream().anyMatch(String::isEmpty)) {
            return null;
        }
        if (!segments.get(0).equals(STEPS)) {
            return new VariableReference(segments.get(0), segments.subList(1, segments.size()));
        }
        if (segments.size() < 3 || !segments.get(2).equals(OUTPUT)) {
            return null;
        }
        return new StepOutputReference(segments.get(1), segments.subList(3, segments.size()));
    }

    /** The well-formed placeholders of a text, and why the first malformed one is not (null if none is). */
    record Scan(List<Placeholder> placeholders, String error) {
    }
}
