-- A rerun is a new execution of the same pinned version with the same inputs; it names the execution
-- it repeats. The workspace index serves the stats route (counts by status, the last 24 hours).
ALTER TABLE execution_submissions ADD COLUMN rerun_of uuid;

CREATE INDEX execution_submissions_workspace ON execution_submissions (workspace_id, submitted_at DESC);
