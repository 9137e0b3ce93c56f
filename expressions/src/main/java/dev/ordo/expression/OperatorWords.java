package dev.ordo.expression;

import java.util.Map;

/**
 * Rewrites the words {@code and}, {@code or} and {@code not} into CEL's {@code &&}, {@code ||}
 * and {@code !}. Text inside quotes and member names after a dot are left alone.
 */
final class OperatorWords {

    private static final Map<String, String> OPERATORS = Map.of("and", "&&", "or", "||", "not", "!");

    private OperatorWords() {
    }

    static String rewrite(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = endOfQuoted(text, i);
                out.append(text, i, end);
            } else if (Character.isLetter(c) || c == '_') {
                end = endOfWord(text, i);
                String word = text.substring(i, end);
                boolean member = lastNonBlank(out) == '.';
                out.append(member ? word : OPERATORS.getOrDefault(word, word));
            } else {
                end = i + 1;
                out.append(c);
            }
            i = end;
        }
        return out.toString();
    }

    private static int endOfQuoted(String text, int open) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }

    private static int endOfWord(String text, int start) {
        int i = start;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static char lastNonBlank(StringBuilder out) {
        for (int i = out.length() - 1; i >= 0; i--) {
            if (!Character.isWhitespace(out.charAt(i))) {
                return out.charAt(i);
            }
        }
        return ' ';
    }
}
