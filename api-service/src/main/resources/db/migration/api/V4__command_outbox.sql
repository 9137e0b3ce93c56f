-- Commands for the engine, written in the same transaction as the submission (or cancel) they belong
-- to: a command exists exactly when its submission committed. A relay publishes each row right after
-- the commit; a sweeper publishes what is left (a crash, a broker outage), oldest first and one row
-- per key at a time, so the commands of one execution reach the topic in the order they were written.
CREATE TABLE command_outbox (
    id           bigserial PRIMARY KEY,
    -- the record key on the topic: the execution id
    key          text        NOT NULL,
    topic        text        NOT NULL,
    -- the command exactly as it goes on the topic (JSON, encoded by the one codec)
    payload      bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- set once the broker acknowledged the record; published rows are deleted after a retention
    published_at timestamptz
);
CREATE INDEX command_outbox_unpublished ON command_outbox (key, id) WHERE published_at IS NULL;
CREATE INDEX command_outbox_published ON command_outbox (published_at) WHERE published_at IS NOT NULL;
