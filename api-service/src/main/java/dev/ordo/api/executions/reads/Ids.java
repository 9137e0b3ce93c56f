package dev.ordo.api.executions.reads;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids the read model does not store, derived (name-based, version 3) so that they never change. */
final class Ids {

    private Ids() {
    }

    static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
