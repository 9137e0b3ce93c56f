package dev.ordo.projection.readmodel;

/** An event the projection did not apply, with why. */
public record ParkedEvent(EventRecord record, ParkReason reason, String error) {
}
