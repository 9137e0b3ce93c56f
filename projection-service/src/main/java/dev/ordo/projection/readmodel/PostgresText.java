package dev.ordo.projection.readmodel;

import dev.ordo.contract.wire.JsonCodec;

/**
 * The one rule for text the projection writes to PostgreSQL, which refuses U+0000 in {@code text}
 * and in {@code jsonb} (as a character or as its JSON escape) and cannot encode a UTF-16 surrogate
 * without its partner: each such character is replaced with U+FFFD (the replacement character), in
 * every text column and in every key and string of every JSON value. Everything else is kept as it
 * is, so an event from any source can be stored and reads back as close to what was sent as
 * PostgreSQL allows. The events themselves are not changed: a rebuild from the log applies the same
 * rule again.
 *
 * <p>Two JSON keys that differ only in such a character become equal; PostgreSQL then keeps the
 * last of them.
 */
public final class PostgresText {

    static final char REPLACEMENT = '\uFFFD';
    private static final String REPLACEMENT_ESCAPE = "\\ufffd";

    private PostgresText() {
    }

    /** {@code text} with every NUL and unpaired surrogate replaced; null stays null. */
    public static String text(String text) {
        if (text == null || isStorable(text)) {
            return text;
        }
        StringBuilder storable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || (Character.isSurrogate(c) && !isPairAt(text, i))) {
                storable.append(REPLACEMENT);
            } else {
                storable.append(c);
                if (Character.isHighSurrogate(c)) {
                    storable.append(text.charAt(++i));
                }
            }
        }
        return storable.toString();
    }

    /** {@code value} as JSON PostgreSQL stores in {@code jsonb}; null stays null. */
    public static String json(Object value) {
        return value == null ? null : jsonText(JsonCodec.instance().encodeToString(value));
    }

    /** JSON text with NUL and unpaired surrogates replaced, whether written as characters or as escapes. */
    static String jsonText(String json) {
        String raw = text(json);
        if (!raw.contains("\\u")) {
            return raw;
        }
        StringBuilder storable = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                storable.append(c);
                i++;
            } else if (raw.charAt(i + 1) != 'u') {
                storable.append(c).append(raw.charAt(i + 1));
                i += 2;
            } else {
                i = appendUnicodeEscape(raw, i, storable);
            }
        }
        return storable.toString();
    }

    /** Appends the escape at {@code at} (with its surrogate partner, if any); returns the index after them. */
    private static int appendUnicodeEscape(String json, int at, StringBuilder storable) {
        if (!isEscapeAt(json, at)) {
            storable.append(json, at, at + 2);
            return at + 2;
        }
        char escaped = escapedAt(json, at);
        if (Character.isHighSurrogate(escaped) && isEscapeAt(json, at + 6)
                && Character.isLowSurrogate(escapedAt(json, at + 6))) {
            storable.append(json, at, at + 12);
            return at + 12;
        }
        if (escaped == '\u0000' || Character.isSurrogate(escaped)) {
            storable.append(REPLACEMENT_ESCAPE);
        } else {
            storable.append(json, at, at + 6);
        }
        return at + 6;
    }

    /** A complete escape {@code \}{@code uXXXX} starts at {@code at}. */
    private static boolean isEscapeAt(String json, int at) {
        if (at + 6 > json.length() || json.charAt(at) != '\\' || json.charAt(at + 1) != 'u') {
            return false;
        }
        for (int i = at + 2; i < at + 6; i++) {
            if (Character.digit(json.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static char escapedAt(String json, int at) {
        return (char) Integer.parseInt(json.substring(at + 2, at + 6), 16);
    }

    private static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || (Character.isSurrogate(c) && !isPairAt(text, i))) {
                return false;
            }
            i += isPairAt(text, i) ? 1 : 0;
        }
        return true;
    }

    private static boolean isPairAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
