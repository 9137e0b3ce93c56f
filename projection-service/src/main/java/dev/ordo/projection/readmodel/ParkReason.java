package dev.ordo.projection.readmodel;

import java.util.Locale;

/** Why an event waits in {@code readmodel.parked_events} instead of being applied. */
public enum ParkReason {
    /** Its bytes are not an event this projection can read (e.g. a type newer than this version). */
    UNDECODABLE,
    /** It is an event, but the fold cannot apply it to the execution's read model. */
    UNAPPLIABLE,
    /** It applies, but PostgreSQL refuses the rows it gives (a data or constraint error). */
    UNSTORABLE,
    /** Its sequence is beyond the one after the last applied: events in between are missing. */
    SEQUENCE_GAP,
    /** Its execution already has parked events; applying it would skip them. */
    BEHIND_PARKED;

    /** The spelling in {@code parked_events.reason}, e.g. {@code sequence_gap}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
