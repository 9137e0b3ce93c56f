package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;

/** An event with its place in its execution's log: sequences run 1..n without gaps. */
public record NumberedEvent(long sequence, ExecutionEvent event) {
}
