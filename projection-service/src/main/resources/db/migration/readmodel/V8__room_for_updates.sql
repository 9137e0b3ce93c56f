-- Executions and steps are updated by nearly every batch, and mostly in columns no index holds (counts,
-- last_sequence, updated_at, outputs). Free room on each page lets PostgreSQL keep such an updated row on its
-- page (a heap-only update) without a new entry in every index. Applies to pages written from now on.
ALTER TABLE executions SET (fillfactor = 70);
ALTER TABLE step_executions SET (fillfactor = 70);
ALTER TABLE step_attempts SET (fillfactor = 80);
