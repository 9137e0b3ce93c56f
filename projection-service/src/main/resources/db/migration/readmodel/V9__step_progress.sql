-- What a running step's handler last reported through its heartbeats (StepHeartbeatRecorded.progress).
ALTER TABLE step_executions ADD COLUMN progress jsonb;
