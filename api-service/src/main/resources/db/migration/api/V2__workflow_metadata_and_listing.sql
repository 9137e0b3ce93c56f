-- Metadata describes a workflow, it does not change what runs: it moves from the versioned document
-- to the workflow row, so editing it never makes a new version.
ALTER TABLE workflows ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb;

UPDATE workflows w
   SET metadata = v.document -> 'metadata'
  FROM workflow_versions v
 WHERE v.workflow_id = w.id
   AND v.version = w.version
   AND jsonb_typeof(v.document -> 'metadata') = 'object';

-- Listing filters by project and activity within a workspace, newest first.
CREATE INDEX workflows_project_created ON workflows (project_id, created_at DESC);

-- Projects of a workspace are listed in creation order.
CREATE INDEX projects_workspace_created ON projects (workspace_id, created_at);
