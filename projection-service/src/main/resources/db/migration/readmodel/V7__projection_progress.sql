-- Where the read model stands in the event log, per partition: the offset of the last record it took (applied,
-- redelivered or parked) and the occurred_at of the last event it applied, upserted in the same transaction as
-- each batch's rows, so the rows and their position in the log always agree (last_offset never moves back).
-- end_offset, lag_events and lag_ms are the projection's lag as last measured (every few seconds, outside the
-- batches): the log's end (read_committed) minus the consumer group's committed offset, and how long the
-- oldest unapplied event may have waited (0 when caught up). A partition measured before its first batch has
-- last_offset -1.
CREATE TABLE projection_progress (
    topic            text        NOT NULL,
    partition        integer     NOT NULL,
    last_offset      bigint      NOT NULL,
    last_occurred_at timestamptz,
    updated_at       timestamptz NOT NULL,
    end_offset       bigint,
    lag_events       bigint,
    lag_ms           bigint,
    lag_measured_at  timestamptz,
    PRIMARY KEY (topic, partition)
);
