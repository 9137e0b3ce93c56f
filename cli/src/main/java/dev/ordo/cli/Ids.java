package dev.ordo.cli;

import java.util.UUID;

/** Tells ids from names on the command line: an id is a UUID in its canonical 36-character form. */
public final class Ids {

    private Ids() {
    }

    public static boolean isUuid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
