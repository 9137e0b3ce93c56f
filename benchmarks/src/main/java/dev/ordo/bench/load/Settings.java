package dev.ordo.bench.load;

import java.util.HashMap;
import java.util.Map;

/**
 * Benchmark settings: a {@code --name=value} argument wins over the environment variable
 * {@code BENCH_NAME} (upper case, dashes as underscores), which wins over the default.
 */
public final class Settings {

    private final Map<String, String> arguments = new HashMap<>();

    public Settings(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            arguments.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    public String text(String name, String fallback) {
        String value = arguments.get(name);
        if (value == null) {
            value = System.getenv("BENCH_" + name.toUpperCase().replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    public int number(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }
}
