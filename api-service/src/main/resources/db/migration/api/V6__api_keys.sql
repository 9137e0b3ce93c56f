-- API keys: each belongs to one workspace. Only the SHA-256 of a key's random secret is kept; the key
-- itself is shown once, when it is created. A revoked key keeps its row, with the time it stopped working.
CREATE TABLE api_keys (
    id            uuid        PRIMARY KEY,
    workspace_id  uuid        NOT NULL REFERENCES workspaces (id),
    name          text        NOT NULL,
    secret_sha256 bytea       NOT NULL CHECK (length(secret_sha256) = 32),
    created_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);

CREATE INDEX api_keys_workspace ON api_keys (workspace_id, created_at);
