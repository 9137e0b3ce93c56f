-- Each execution's event history: every event the projection applied, one row per sequence 1..last_sequence,
-- written in the same transaction as the execution's rows (a redelivered event is never applied again, and the
-- primary key makes a second insert a no-op). data is the event exactly as JsonCodec writes it, type
-- discriminator included, so JsonCodec decodes it back to an ExecutionEvent; like every text the projection
-- stores it passes through PostgresText (NUL and unpaired surrogates read U+FFFD). type repeats the
-- discriminator for filtering. No foreign key: the rows are written only with their execution's.
-- Executions projected before this migration have no history here until a rebuild (POST /admin/rebuild).
CREATE TABLE execution_events (
    execution_id uuid        NOT NULL,
    sequence     bigint      NOT NULL,
    occurred_at  timestamptz NOT NULL,
    type         text        NOT NULL,
    data         jsonb       NOT NULL,
    PRIMARY KEY (execution_id, sequence)
);
