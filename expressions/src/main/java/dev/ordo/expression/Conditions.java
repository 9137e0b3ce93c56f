package dev.ordo.expression;

import dev.ordo.expression.Verdict.Decided;
import dev.ordo.expression.Verdict.Failed;
import dev.cel.runtime.CelEvaluationException;
import java.util.Optional;

/**
 * Step conditions ({@code condition_expression}, and the expression of {@code condition} steps).
 *
 * <p>Syntax, checked in this order:
 * <ol>
 *   <li>A truth word alone: {@code true}, {@code 1}, {@code yes}, {@code on} are true and
 *       {@code false}, {@code 0}, {@code no}, {@code off} are false (any case).</li>
 *   <li>Otherwise a <a href="https://cel.dev">CEL</a> expression in which every value comes from a
 *       {@code ${...}} reference (see {@link References}): comparisons ({@code ==, !=, <, <=, >, >=}),
 *       {@code &&}/{@code and}, {@code ||}/{@code or}, {@code !}/{@code not}, arithmetic, string
 *       literals in quotes, {@code in}, {@code size()}, {@code has()}, string functions such as
 *       {@code contains()}. Integers and fractions compare with each other. A bare name is an error:
 *       write {@code ${amount} > 100}, not {@code amount > 100}.</li>
 * </ol>
 * A reference to something absent (a variable not given, a field a step did not output) is null.
 * A result that is not a boolean counts by the literal truthiness of {@code Truthiness}, so
 * {@code ${name}} alone is the truthiness of variable {@code name}. An evaluation that fails
 * (e.g. comparing a string with a number) is a {@link Failed} verdict naming the condition.
 * References inside string literals are not supported.
 */
public final class Conditions {

    private Conditions() {
    }

    /** Empty when the expression parses; otherwise a deterministic message saying what is wrong. */
    public static Optional<String> syntaxError(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("Expected a condition, but it is blank");
        }
        if (Truthiness.ofLiteral(expression) != null) {
            return Optional.empty();
        }
        return Optional.ofNullable(CompiledCondition.of(expression).error());
    }

    /** Evaluates {@code expression} against {@code scope}. Pure: same arguments, same verdict. */
    public static Verdict evaluate(String expression, ExpressionScope scope) {
        Optional<String> syntax = syntaxError(expression);
        if (syntax.isPresent()) {
            return new Failed("Condition '" + expression + "' is invalid: " + syntax.get());
        }
        Boolean literal = Truthiness.ofLiteral(expression);
        if (literal != null) {
            return new Decided(literal);
        }
        try {
            return new Decided(Truthiness.of(CompiledCondition.of(expression).evaluate(scope)));
        } catch (CelEvaluationException e) {
            return new Failed("Condition '" + expression + "' could not be evaluated: "
                    + CompiledCondition.evaluationMessage(e));
        }
    }
}
