package dev.ordo.events.execution;

import java.util.UUID;

/** Everything the engine decides on: commands from clients and reports from workers. */
public sealed interface EngineInput permits ExecutionCommand, StepReport {

    UUID executionId();
}
