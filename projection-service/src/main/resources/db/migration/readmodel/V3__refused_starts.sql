-- A start the engine refused (ExecutionRejected) never ran: it has no definition or inputs, and when
-- the engine could not read its command, no workflow or workspace either. Its row reads failed, with
-- the engine's reason as error_message.
ALTER TABLE executions
    ALTER COLUMN workflow_id DROP NOT NULL,
    ALTER COLUMN workflow_version DROP NOT NULL,
    ALTER COLUMN workspace_id DROP NOT NULL,
    ALTER COLUMN input_variables DROP NOT NULL,
    ALTER COLUMN definition DROP NOT NULL;
