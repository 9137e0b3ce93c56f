-- What the execution queries need without scanning events: the duration of a finished execution (derived by
-- PostgreSQL from the stored times, so a rebuild gives the same value whatever batches the events came in),
-- how many steps wait for a retry right now, and an index for each query:
--   list of a workflow's executions, newest first, optionally by status: executions_workflow (V1) and
--     executions_workflow_status;
--   a workspace's counts by status: executions_workspace_status; its last 24 hours: executions_workspace (V1);
--   a workflow's duration percentiles, of its finished executions or of those in one status (completed):
--     executions_workflow_duration, read by an index-only scan (in duration order within a status).
ALTER TABLE executions
    ADD COLUMN duration_ms bigint GENERATED ALWAYS AS
        (round(extract(epoch FROM completed_at - started_at) * 1000)::bigint) STORED,
    ADD COLUMN retrying_steps integer NOT NULL DEFAULT 0;

UPDATE executions e SET retrying_steps = (SELECT count(*) FROM step_executions s
                                           WHERE s.execution_id = e.id AND s.status = 'retrying');

CREATE INDEX executions_workflow_status ON executions (workflow_id, status, created_at DESC);
CREATE INDEX executions_workspace_status ON executions (workspace_id, status);
CREATE INDEX executions_workflow_duration ON executions (workflow_id, status, duration_ms)
    WHERE duration_ms IS NOT NULL;
