package dev.ordo.api.executions.reads;

import java.util.List;

/**
 * {@code GET /api/workflows/{workflow_id}/executions}: one page, newest first, and how many
 * executions the filter matches, in the shape of the workflow list.
 */
public record ExecutionList(List<ExecutionSummary> items, long total, int skip, int limit) {
}
