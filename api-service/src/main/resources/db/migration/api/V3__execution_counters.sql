-- Execution numbers come from their own counter row, taken in a statement of its own, so that
-- submissions of one workflow no longer queue on the workflow row while the broker acknowledges.
-- A number taken by a submission that then fails is not reused (numbers may have gaps).
CREATE TABLE execution_counters (
    workflow_id uuid   PRIMARY KEY,
    last_number bigint NOT NULL
);

INSERT INTO execution_counters (workflow_id, last_number)
SELECT id, execution_count FROM workflows WHERE execution_count > 0;

ALTER TABLE workflows DROP COLUMN execution_count;
