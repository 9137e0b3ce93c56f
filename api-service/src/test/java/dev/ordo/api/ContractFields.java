package dev.ordo.api;

import java.util.List;

/** The field lists of {@code shared/design/api-contract.md}, exactly, for the execution read routes. */
public final class ContractFields {

    public static final List<String> EXECUTION = List.of("id", "workflow_id", "workflow_version", "workspace_id",
            "project_id", "execution_number", "status", "input_variables", "results", "started_at", "completed_at",
            "duration", "error_message", "error_details", "metadata", "created_at", "updated_at", "definition",
            "step_executions");
    public static final List<String> STEP_EXECUTION = List.of("id", "execution_id", "step_id", "step_name", "status",
            "input_data", "output_data", "started_at", "completed_at", "duration", "retry_count", "error_message",
            "error_details");
    public static final List<String> TIMELINE = List.of("execution_id", "workflow_id", "status", "started_at",
            "completed_at", "total_duration_seconds", "step_count", "completed_step_count", "failed_step_count",
            "skipped_step_count", "error_message", "step_timeline");
    public static final List<String> STEP_TIMELINE = List.of("step_id", "step_name", "step_order", "status",
            "started_at", "completed_at", "duration_seconds", "retry_count", "error_message", "input_summary",
            "output_summary", "attempts");
    public static final List<String> METRICS = List.of("workflow_id", "total_executions", "successful_executions",
            "failed_executions", "cancelled_executions", "success_rate", "total_duration_seconds",
            "average_duration_seconds", "min_duration_seconds", "max_duration_seconds", "p50_duration_seconds",
            "p95_duration_seconds", "p99_duration_seconds");
    public static final List<String> STATS = List.of("total_executions", "recent_executions_24h", "status_counts",
            "workflow_engine_stats");
    public static final List<String> ENGINE_STATS = List.of("active_executions", "queued_tasks", "queued_tasks_by_capabilities", "live_workers",
            "workers", "engine_lag_events", "projection_lag_events", "projection_lag_ms", "measured_at", "note");
    public static final List<String> STATUSES = List.of("pending", "running", "completed", "failed", "cancelled",
            "timeout");

    private ContractFields() {
    }
}
