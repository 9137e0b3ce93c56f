-- One row per attempt of a worker step (attempt >= 1): when it was scheduled, started and ended,
-- how (completed, failed, timeout, cancelled), and by which worker. Retry backoff shows as the gap
-- between one attempt's completed_at and the next one's scheduled_at.
CREATE TABLE step_attempts (
    execution_id  uuid        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    step_name     text        NOT NULL,
    attempt       integer     NOT NULL,
    status        text        NOT NULL,
    scheduled_at  timestamptz NOT NULL,
    started_at    timestamptz,
    completed_at  timestamptz,
    retry_due_at  timestamptz,
    error_message text,
    worker_id     text,
    PRIMARY KEY (execution_id, step_name, attempt)
);

-- When a retrying step's next attempt is due.
ALTER TABLE step_executions ADD COLUMN next_retry_at timestamptz;
