-- Event log records the projection did not apply: undecodable, unappliable, refused by PostgreSQL,
-- beyond a sequence gap, or behind another parked event of the same execution. Keyed by the
-- record's place in the log, so a redelivered record parks once. payload holds the record's bytes
-- as they were, so a replay after the cause is fixed decodes them again.
CREATE TABLE parked_events (
    record_topic     text        NOT NULL,
    record_partition integer     NOT NULL,
    record_offset    bigint      NOT NULL,
    record_key       text,
    payload          bytea,
    execution_id     uuid,
    sequence         bigint,
    event_type       text,
    reason           text        NOT NULL,
    error            text        NOT NULL,
    parked_at        timestamptz NOT NULL,
    PRIMARY KEY (record_topic, record_partition, record_offset)
);
CREATE INDEX parked_events_execution ON parked_events (execution_id);
