package dev.ordo.expression;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime.Program;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A value expression compiled by CEL for inputs with one set of top-level field names, which are its
 * variables beside {@code input}. Kept in a bounded cache keyed by those names and the text, so a
 * hot workflow pays the compile once.
 */
final class CompiledValue {

    static final String INPUT = "input";
    private static final int CACHE_SIZE = 4096;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
            "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace",
            "return", "var", "void", "while", INPUT);
    private static final Cel PARSER = environment(Set.of());
    private static final Map<String, CompiledValue> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledValue> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private static final Pattern EVALUATION_PREFIX = Pattern.compile("^evaluation error at [^:]*:\\d+: ");

    private final Program program;
    private final Set<String> variables;

    private CompiledValue(Program program, Set<String> variables) {
        this.program = program;
        this.variables = variables;
    }

    static CompiledValue of(String expression, Set<String> fields) throws CelValidationException,
            CelEvaluationException {
        Set<String> variables = variables(fields);
        String key = String.join(",", variables) + "\u0000" + expression;
        synchronized (CACHE) {
            CompiledValue cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Cel cel = environment(variables);
        CelValidationResult checked = cel.compile(expression);
        if (checked.hasError()) {
            throw new IllegalArgumentException(checked.getErrors().get(0).getMessage());
        }
        CompiledValue compiled = new CompiledValue(cel.createProgram(checked.getAst()), variables);
        synchronized (CACHE) {
            CACHE.put(key, compiled);
        }
        return compiled;
    }

    /** Null when the text parses as CEL (names are not checked: they depend on the input). */
    static String parseError(String expression) {
        CelValidationResult parsed = PARSER.parse(expression);
        return parsed.hasError() ? "Expected a valid expression, but " + parsed.getErrors().get(0).getMessage() : null;
    }

    static String message(Exception failure) {
        return EVALUATION_PREFIX.matcher(String.valueOf(failure.getMessage())).replaceFirst("")
                .replaceAll("\\s+", " ").trim();
    }

    /** The raw CEL result with {@code input}'s fields bound. */
    Object evaluate(Map<String, Object> input) throws CelEvaluationException {
        Map<String, Object> bound = new HashMap<>();
        bound.put(INPUT, CelValues.of(input));
        for (String name : variables) {
            bound.put(name, CelValues.of(input.get(name)));
        }
        return program.eval(bound);
    }

    private static Set<String> variables(Set<String> fields) {
        Set<String> names = new TreeSet<>();
        for (String field : fields) {
            if (IDENTIFIER.matcher(field).matches() && !RESERVED.contains(field)) {
                names.add(field);
            }
        }
        return names;
    }

    private static Cel environment(Set<String> variables) {
        CelBuilder builder = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current()
                        .enableHeterogeneousNumericComparisons(true)
                        .comprehensionMaxIterations(10_000)
                        .build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar(INPUT, SimpleType.DYN);
        for (String name : List.copyOf(variables)) {
            builder.addVar(name, SimpleType.DYN);
        }
        return builder.build();
    }
}
