package dev.ordo.domain.execution;

import java.util.Locale;

/** Reads loosely typed JSON config values: numbers may come as strings, flags as words. */
final class ConfigValues {

    private ConfigValues() {
    }

    static double number(Object value, double fallback) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    static String word(Object value) {
        return value == null ? null : String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    }
}
