package dev.ordo.engine;

/**
 * Failure texts the engine writes into incidents and logs, always small: every error text is cut to
 * {@value #MAX_ERROR_CHARS} characters. What an incident records is the domain's rule
 * ({@code Decider.failedOn}).
 */
final class FailureText {

    static final int MAX_ERROR_CHARS = 2_000;

    private FailureText() {
    }

    /** "IllegalStateException: the message", cut to size. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return shortened(failure.getClass().getSimpleName() + (message == null ? "" : ": " + message), MAX_ERROR_CHARS);
    }

    static String shortened(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, cut) + "... (" + (text.length() - cut) + " more characters)";
    }
}
