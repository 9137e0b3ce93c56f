package dev.ordo.engine;

import java.util.UUID;

/** Execution ids as the engine's record keys carry them: the canonical text of a UUID. */
final class ExecutionIds {

    private ExecutionIds() {
    }

    /** The id {@code text} spells, or null when it spells none. */
    static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
