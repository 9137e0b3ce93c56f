package dev.ordo.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition as written, rewritten into CEL: each distinct {@code ${...}} becomes a variable
 * {@code ordo_ref_<n>}, and the words {@code and}, {@code or}, {@code not} outside string
 * literals become {@code &&}, {@code ||}, {@code !}.
 *
 * @param cel the CEL source, or null when {@code error} is set
 * @param bindings what each {@code ordo_ref_<n>} stands for, by {@code n}
 */
record ConditionText(String cel, List<Reference> bindings, String error) {

    static final int MAX_REFERENCES = 32;
    static final String VARIABLE_PREFIX = "ordo_ref_";

    static ConditionText translate(String expression) {
        Placeholder.Scan scan = Placeholder.scan(expression);
        if (scan.error() != null) {
            return failed(scan.error());
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Reference> bindings = new ArrayList<>();
        StringBuilder cel = new StringBuilder();
        int copied = 0;
        for (Placeholder placeholder : scan.placeholders()) {
            cel.append(OperatorWords.rewrite(expression.substring(copied, placeholder.start())));
            Integer number = numbers.computeIfAbsent(placeholder.source(), source -> numbers.size());
            if (number == bindings.size()) {
                bindings.add(placeholder.reference());
            }
            cel.append(' ').append(VARIABLE_PREFIX).append(number).append(' ');
            copied = placeholder.end();
        }
        cel.append(OperatorWords.rewrite(expression.substring(copied)));
        if (bindings.size() > MAX_REFERENCES) {
            return failed("Expected at most " + MAX_REFERENCES + " distinct references, but found " + bindings.size());
        }
        return new ConditionText(cel.toString(), List.copyOf(bindings), null);
    }

    private static ConditionText failed(String error) {
        return new ConditionText(null, List.of(), error);
    }
}
