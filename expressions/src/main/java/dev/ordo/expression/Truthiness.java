package dev.ordo.expression;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The contract's literal truthiness: booleans are themselves; numbers are true unless zero;
 * strings are true only when they read {@code true}, {@code 1}, {@code yes} or {@code on} (any
 * case, surrounding blanks ignored); null is false; lists and maps are true unless empty; any
 * other value is true.
 */
final class Truthiness {

    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "off");

    private Truthiness() {
    }

    static boolean of(Object value) {
        if (value == null || value instanceof dev.cel.common.values.NullValue
                || value instanceof com.google.protobuf.NullValue) {
            return false;
        } else if (value instanceof Boolean bool) {
            return bool;
        } else if (value instanceof Number number) {
            return number.doubleValue() != 0.0;
        } else if (value instanceof String text) {
            return TRUE_WORDS.contains(normalized(text));
        } else if (value instanceof Collection<?> collection) {
            return !collection.isEmpty();
        } else if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }

    /** The literal's truth when {@code text} is one of the truth words, else null. */
    static Boolean ofLiteral(String text) {
        String word = normalized(text);
        if (TRUE_WORDS.contains(word)) {
            return Boolean.TRUE;
        }
        return FALSE_WORDS.contains(word) ? Boolean.FALSE : null;
    }

    private static String normalized(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
