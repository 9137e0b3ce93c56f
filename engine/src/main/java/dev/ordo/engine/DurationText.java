package dev.ordo.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the configuration spells them, the way Spring Boot reads them too: {@code 100ms},
 * {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d} (a bare number is milliseconds), or ISO-8601
 * such as {@code PT1H}.
 */
final class DurationText {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private DurationText() {
    }

    /** The duration {@code text} spells; null for blank text. */
    static Duration parse(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("p")) {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        }
        Matcher simple = SIMPLE.matcher(trimmed);
        if (!simple.matches()) {
            throw new IllegalArgumentException("Expected " + name + " to be a duration like 100ms, 30s, 1h or PT1H, "
                    + "but it is '" + text + "'");
        }
        long amount = Long.parseLong(simple.group(1));
        String unit = simple.group(2) == null ? "ms" : simple.group(2);
        if (unit.equals("ms")) {
            return Duration.ofMillis(amount);
        } else if (unit.equals("s")) {
            return Duration.ofSeconds(amount);
        } else if (unit.equals("m")) {
            return Duration.ofMinutes(amount);
        } else if (unit.equals("h")) {
            return Duration.ofHours(amount);
        }
        return Duration.ofDays(amount);
    }
}
