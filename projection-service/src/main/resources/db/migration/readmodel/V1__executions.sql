-- Read models folded from workflow.execution-events. last_sequence makes redelivery harmless:
-- an event is applied only if its sequence is the one after last_sequence.
CREATE TABLE executions (
    id               uuid PRIMARY KEY,
    workflow_id      uuid        NOT NULL,
    workflow_version integer     NOT NULL,
    workspace_id     uuid        NOT NULL,
    project_id       uuid,
    status           text        NOT NULL,
    input_variables  jsonb       NOT NULL,
    results          jsonb,
    definition       jsonb       NOT NULL,
    started_at       timestamptz,
    completed_at     timestamptz,
    error_message    text,
    error_details    jsonb,
    total_steps      integer     NOT NULL,
    completed_steps  integer     NOT NULL,
    failed_steps     integer     NOT NULL,
    skipped_steps    integer     NOT NULL,
    running_steps    integer     NOT NULL,
    last_sequence    bigint      NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX executions_workflow ON executions (workflow_id, created_at DESC);
CREATE INDEX executions_workspace ON executions (workspace_id, created_at DESC);

CREATE TABLE step_executions (
    execution_id  uuid        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    step_name     text        NOT NULL,
    step_order    integer     NOT NULL,
    step_type     text        NOT NULL,
    status        text        NOT NULL,
    attempt       integer     NOT NULL,
    retry_count   integer     NOT NULL,
    input_data    jsonb,
    output_data   jsonb,
    started_at    timestamptz,
    completed_at  timestamptz,
    error_message text,
    worker_id     text,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (execution_id, step_name)
);
