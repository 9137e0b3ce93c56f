package dev.ordo.expression;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime.Program;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition checked and planned by CEL once, evaluated many times. Compiled conditions are
 * kept in a bounded cache keyed by their text, so a hot workflow pays the compile once.
 *
 * @param program null when {@code error} is set
 */
record CompiledCondition(Program program, List<Reference> bindings, String error) {

    private static final Cel CEL = environment();
    private static final int CACHE_SIZE = 4096;
    private static final Map<String, CompiledCondition> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledCondition> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'.*");
    private static final Pattern EVALUATION_PREFIX = Pattern.compile("^evaluation error at [^:]*:\\d+: ");

    static CompiledCondition of(String expression) {
        synchronized (CACHE) {
            CompiledCondition cached = CACHE.get(expression);
            if (cached != null) {
                return cached;
            }
        }
        CompiledCondition compiled = compile(expression);
        synchronized (CACHE) {
            CACHE.put(expression, compiled);
        }
        return compiled;
    }

    /** The raw result of the CEL program under {@code scope}. */
    Object evaluate(ExpressionScope scope) throws CelEvaluationException {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < bindings.size(); i++) {
            variables.put(ConditionText.VARIABLE_PREFIX + i, CelValues.of(bindings.get(i).resolve(scope)));
        }
        return program.eval(variables);
    }

    static String evaluationMessage(CelEvaluationException failure) {
        return EVALUATION_PREFIX.matcher(String.valueOf(failure.getMessage())).replaceFirst("");
    }

    private static CompiledCondition compile(String expression) {
        ConditionText text = ConditionText.translate(expression);
        if (text.error() != null) {
            return new CompiledCondition(null, List.of(), text.error());
        }
        CelValidationResult result = CEL.compile(text.cel());
        if (result.hasError()) {
            return new CompiledCondition(null, List.of(), describe(result.getErrors().get(0)));
        }
        try {
            return new CompiledCondition(CEL.createProgram(result.getAst()), text.bindings(), null);
        } catch (CelValidationException | CelEvaluationException e) {
            return new CompiledCondition(null, List.of(), String.valueOf(e.getMessage()));
        }
    }

    private static String describe(CelIssue issue) {
        Matcher undeclared = UNDECLARED.matcher(issue.getMessage());
        if (undeclared.matches()) {
            String name = undeclared.group(1);
            return "Expected a reference like ${" + name + "}, but found the bare name '" + name + "'";
        }
        return "Expected a valid expression, but " + issue.getMessage();
    }

    private static Cel environment() {
        CelBuilder builder = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current()
                        .enableHeterogeneousNumericComparisons(true)
                        .comprehensionMaxIterations(10_000)
                        .build());
        for (int i = 0; i < ConditionText.MAX_REFERENCES; i++) {
            builder.addVar(ConditionText.VARIABLE_PREFIX + i, SimpleType.DYN);
        }
        return builder.build();
    }
}
