-- Tenants, their projects, workflow definitions with every version kept, and execution submissions.
CREATE TABLE workspaces (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    slug        text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE projects (
    id           uuid PRIMARY KEY,
    workspace_id uuid        NOT NULL REFERENCES workspaces (id),
    name         text        NOT NULL,
    slug         text        NOT NULL,
    is_default   boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    UNIQUE (workspace_id, slug)
);

CREATE TABLE workflows (
    id              uuid PRIMARY KEY,
    workspace_id    uuid        NOT NULL REFERENCES workspaces (id),
    project_id      uuid        NOT NULL REFERENCES projects (id),
    name            text        NOT NULL,
    description     text,
    version         integer     NOT NULL,
    is_active       boolean     NOT NULL DEFAULT true,
    execution_count bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (project_id, name)
);
CREATE INDEX workflows_workspace_created ON workflows (workspace_id, created_at DESC);

-- One row per version; the document holds config, timeouts, retries, metadata, steps and variables.
CREATE TABLE workflow_versions (
    workflow_id uuid        NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    version     integer     NOT NULL,
    document    jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (workflow_id, version)
);

-- What api-service accepted: answers "pending" before the projection has seen the execution,
-- and makes Idempotency-Key repeats return the same execution. No foreign key: executions
-- outlive a deleted workflow.
CREATE TABLE execution_submissions (
    execution_id     uuid PRIMARY KEY,
    workflow_id      uuid        NOT NULL,
    workflow_version integer     NOT NULL,
    workspace_id     uuid        NOT NULL,
    project_id       uuid,
    execution_number bigint      NOT NULL,
    idempotency_key  text,
    input_variables  jsonb       NOT NULL,
    submitted_at     timestamptz NOT NULL,
    UNIQUE (workflow_id, idempotency_key)
);
CREATE INDEX execution_submissions_workflow ON execution_submissions (workflow_id, submitted_at DESC);
