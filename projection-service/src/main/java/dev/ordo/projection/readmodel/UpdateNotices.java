package dev.ordo.projection.readmodel;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.ReadModelUpdate;
import java.util.Collection;
import java.util.List;

/** The {@link ReadModelUpdate}s that tell what a pass over the log stored: one per execution it changed. */
final class UpdateNotices {

    private UpdateNotices() {
    }

    static List<ReadModelUpdate> of(Collection<ExecutionFeed> feeds) {
        return feeds.stream().filter(ExecutionFeed::hasApplied).map(UpdateNotices::of).toList();
    }

    private static ReadModelUpdate of(ExecutionFeed feed) {
        ExecutionView view = feed.view();
        List<ReadModelUpdate.AppliedEvent> events = feed.applied().stream().map(EventRecord::envelope)
                .map(UpdateNotices::applied).toList();
        return new ReadModelUpdate(view.id, view.workflowId, view.workspaceId, view.lastSequence, view.status, events);
    }

    private static ReadModelUpdate.AppliedEvent applied(EventEnvelope envelope) {
        return new ReadModelUpdate.AppliedEvent(envelope.sequence(), EventHistory.typeName(envelope),
                stepName(envelope.event()), envelope.occurredAt());
    }

    /** The step {@code event} is about, or null. */
    static String stepName(ExecutionEvent event) {
        if (event instanceof StepScheduled e) {
            return e.stepName();
        } else if (event instanceof StepStarted e) {
            return e.stepName();
        } else if (event instanceof StepSucceeded e) {
            return e.stepName();
        } else if (event instanceof StepFailed e) {
            return e.stepName();
        } else if (event instanceof StepTimedOut e) {
            return e.stepName();
        } else if (event instanceof StepRetryScheduled e) {
            return e.stepName();
        } else if (event instanceof StepSkipped e) {
            return e.stepName();
        } else if (event instanceof DelayStarted e) {
            return e.stepName();
        } else if (event instanceof CommandRejected e) {
            return e.stepName();
        } else if (event instanceof IncidentRecorded e) {
            return e.stepName();
        }
        return null;
    }
}
