package dev.ordo.api.live;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Sends a connection the events of one execution it has not been sent, read from the read model,
 * then lets its held live messages through: the {@code since} replay, and the repair of a gap left
 * by an update that was never published. Gap repairs run on their own threads, never the fan-out's.
 */
@Component
class CatchUp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    private static final int PAGE = 1_000;
    private static final int EMPTY_READS_BEFORE_GIVING_UP = 3;

    private final LiveEvents events;
    private final StepIds stepIds;
    private final ExecutorService repairs = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "ordo-live-catch-up");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    CatchUp(LiveEvents events, StepIds stepIds) {
        this.events = events;
        this.stepIds = stepIds;
    }

    /** Runs a catch-up later, on a catch-up thread. */
    void repair(LiveConnection connection, ExecutionScope scope) {
        repairs.execute(() -> run(connection, scope));
    }

    /** Runs a catch-up now, on the caller's thread; call after {@link LiveConnection#beginCatchUp}. */
    void run(LiveConnection connection, ExecutionScope scope) {
        int emptyReads = 0;
        try {
            while (connection.isOpen()) {
                List<LiveEvents.LiveEvent> read = events.after(scope.executionId(),
                        connection.lastSent(scope.executionId()), PAGE);
                List<Frame> messages = read.isEmpty() ? List.of()
                        : EventMessages.frames(scope, read, stepIds.of(scope, read.get(0).workflowVersion()));
                if (connection.caughtUp(scope.executionId(), messages)) {
                    return;
                }
                emptyReads = read.isEmpty() ? emptyReads + 1 : 0;
                if (emptyReads >= EMPTY_READS_BEFORE_GIVING_UP) {
                    log.warn("Execution {}: events after sequence {} are missing from the read model; live messages"
                            + " continue across the gap", scope.executionId(), connection.lastSent(scope.executionId()));
                    break;
                }
            }
        } catch (DataAccessException e) {
            log.warn("Execution {}: could not read missed events for a live stream: {}", scope.executionId(),
                    e.toString());
        }
        connection.giveUpCatchUp(scope.executionId());
    }

    @Override
    public void destroy() {
        repairs.shutdownNow();
    }
}
