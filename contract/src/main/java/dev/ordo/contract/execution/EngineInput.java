package dev.ordo.contract.execution;

import java.util.UUID;

/** Everything the engine decides on: commands from clients, reports from workers, and its own timers. */
public sealed interface EngineInput permits ExecutionCommand, StepReport, TimerFired {

    UUID executionId();
}
