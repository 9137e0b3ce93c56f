package dev.ordo.expression;

import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values computed from a step's input, as {@code data_transformation} maps output fields.
 *
 * <p>An expression is either an input path or a <a href="https://cel.dev">CEL</a> expression over
 * the input:
 * <ul>
 *   <li>a dotted path ({@code order.amount}) that leads to a value in the input is that value, as
 *       it always was;</li>
 *   <li>otherwise the text is CEL in which each top-level input field whose name is an identifier is a
 *       variable, and {@code input} is the whole input: {@code order.amount * 2},
 *       {@code items.size()}, {@code customer.name + " <" + customer.email + ">"},
 *       {@code has(order.discount) ? order.discount : 0}, {@code input["odd-name"]}.</li>
 * </ul>
 * Integers come out as longs, fractions as doubles, CEL's null as null. A name the input does not
 * have, a field that is absent or a failing operation is a {@link Evaluation.Failed} verdict that
 * names the expression; a path-like text that leads nowhere says so. Pure: same text and input,
 * same result.
 */
public final class ValueExpressions {

    private static final Pattern PATH = Pattern.compile("[\\w-]+(\\.[\\w-]+)*");

    private ValueExpressions() {
    }

    /** Empty when the text is a path or parses as CEL; otherwise what is wrong with it. */
    public static Optional<String> syntaxError(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("Expected an input path or an expression, but it is blank");
        }
        if (PATH.matcher(expression.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CompiledValue.parseError(expression));
    }

    public static Evaluation evaluate(String expression, Map<String, Object> input) {
        Optional<String> syntax = syntaxError(expression);
        if (syntax.isPresent()) {
            return new Evaluation.Failed("Expression '" + expression + "' is invalid: " + syntax.get());
        }
        String text = expression.trim();
        boolean pathLike = PATH.matcher(text).matches();
        if (pathLike) {
            Object value = Paths.follow(input, List.of(text.split("\\.")));
            if (value != null) {
                return new Evaluation.Value(JsonValues.of(value));
            }
        }
        try {
            return new Evaluation.Value(JsonValues.of(CompiledValue.of(text, input.keySet()).evaluate(input)));
        } catch (CelValidationException | CelEvaluationException | IllegalArgumentException e) {
            return new Evaluation.Failed(pathLike ? "Input has no field at path '" + text + "'"
                    : "Expression '" + text + "' could not be evaluated: " + CompiledValue.message(e));
        }
    }
}
