package dev.ordo.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much of a committed transaction an embedded PostgreSQL keeps through a crash. zonky's
 * embedded server starts with {@code fsync} and {@code synchronous_commit} off (fast, fine for
 * throw-away test data); every setting listed here is passed explicitly, so no default decides.
 */
public enum PostgresDurability {

    /**
     * A commit returns once its WAL is on disk ({@code synchronous_commit=on}, {@code fsync=on}) and
     * pages are written whole after a checkpoint ({@code full_page_writes=on}): a power cut loses no
     * committed transaction and corrupts no page. For the local stack, whose data {@code ./run} keeps.
     * A transaction may still opt out with {@code SET LOCAL synchronous_commit = off}.
     */
    DURABLE("on"),

    /**
     * Nothing forced to disk: a crash of the machine (not of the process) may lose recent commits or
     * corrupt the cluster. For the shared test infrastructure, whose data dies with the test JVM.
     */
    FAST("off");

    private final String value;

    PostgresDurability(String value) {
        this.value = value;
    }

    /** The server settings that carry this durability, by name. */
    public Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", value);
        settings.put("synchronous_commit", value);
        settings.put("full_page_writes", value);
        return settings;
    }
}
