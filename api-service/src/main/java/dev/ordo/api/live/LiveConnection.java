package dev.ordo.api.live;

import dev.ordo.api.workspaces.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open WebSocket: its workspace, the streams it follows and, per execution, the last sequence it
 * was sent. Event messages go out at most once each and in sequence order per execution: one
 * already sent is dropped, and one that would leave a gap puts the execution into catch-up, where
 * live messages are held back until the missing events are read from the read model
 * ({@link #beginCatchUp}, {@link #caughtUp}). All of it under the connection's lock; sending
 * itself never waits ({@link OutgoingFrames}).
 */
final class LiveConnection {

    private static final int REMEMBERED_EXECUTIONS = 10_000;

    private final WebSocketSession session;
    private final Workspace workspace;
    private final OutgoingFrames out;
    private final Set<StreamTarget> targets = new LinkedHashSet<>();
    private final Map<UUID, List<Frame>> held = new HashMap<>();
    private final Map<UUID, Long> lastSent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > REMEMBERED_EXECUTIONS;
        }
    };

    LiveConnection(WebSocketSession session, Workspace workspace, OutgoingFrames out) {
        this.session = session;
        this.workspace = workspace;
        this.out = out;
    }

    String id() {
        return session.getId();
    }

    WebSocketSession session() {
        return session;
    }

    Workspace workspace() {
        return workspace;
    }

    OutgoingFrames out() {
        return out;
    }

    boolean isOpen() {
        return session.isOpen();
    }

    /** Adds a stream; false when {@code max} streams are followed already (one followed again is fine). */
    synchronized boolean follow(StreamTarget target, int max) {
        if (targets.contains(target)) {
            return true;
        }
        if (targets.size() >= max) {
            return false;
        }
        targets.add(target);
        return true;
    }

    synchronized boolean unfollow(StreamTarget target) {
        return targets.remove(target);
    }

    synchronized List<StreamTarget> targets() {
        return List.copyOf(targets);
    }

    /** A message outside any sequence: state, heartbeat, error. */
    void sendRaw(LiveMessage message) {
        out.send(message.json());
    }

    /**
     * Live messages of one execution, in sequence order. Returns true when they leave a gap after
     * what this connection was sent: the caller must then run a catch-up for the execution.
     */
    synchronized boolean deliver(UUID executionId, List<Frame> messages) {
        if (messages.isEmpty()) {
            return false;
        }
        List<Frame> holding = held.get(executionId);
        if (holding != null) {
            holding.addAll(messages);
            return false;
        }
        Long last = lastSent.get(executionId);
        if (last != null && messages.get(0).sequence() > last + 1) {
            held.put(executionId, new ArrayList<>(messages));
            return true;
        }
        messages.forEach(this::sendInOrder);
        return false;
    }

    /** From now on live messages of the execution are held back until {@link #caughtUp} says all is sent. */
    synchronized void beginCatchUp(UUID executionId) {
        held.putIfAbsent(executionId, new ArrayList<>());
    }

    /** Sends the state message; event messages continue after {@code after}. */
    synchronized void sendState(LiveMessage state, long after) {
        lastSent.put(state.workflowExecutionId(), after);
        sendRaw(state);
    }

    synchronized long lastSent(UUID executionId) {
        return lastSent.getOrDefault(executionId, 0L);
    }

    /**
     * Sends what a catch-up read, then the held live messages that follow on without a gap. True when
     * nothing is missing any more and live delivery resumes; false when a gap is left (read again).
     */
    synchronized boolean caughtUp(UUID executionId, List<Frame> read) {
        read.forEach(this::sendInOrder);
        List<Frame> holding = held.get(executionId);
        if (holding == null) {
            return true;
        }
        holding.sort(Comparator.comparingLong(Frame::sequence));
        for (Iterator<Frame> it = holding.iterator(); it.hasNext(); ) {
            Frame message = it.next();
            long last = lastSent.getOrDefault(message.executionId(), 0L);
            if (message.sequence() > last + 1) {
                return false;
            }
            sendInOrder(message);
            it.remove();
        }
        held.remove(executionId);
        return true;
    }

    /** Ends a catch-up that cannot close its gap: the held messages go out as they are. */
    synchronized void giveUpCatchUp(UUID executionId) {
        List<Frame> holding = held.remove(executionId);
        if (holding != null) {
            holding.sort(Comparator.comparingLong(Frame::sequence));
            holding.forEach(message -> send(message, true));
        }
    }

    private void sendInOrder(Frame message) {
        send(message, false);
    }

    private void send(Frame message, boolean acrossGap) {
        UUID executionId = message.executionId();
        Long last = lastSent.get(executionId);
        if (last != null && message.sequence() <= last) {
            return;
        }
        if (!acrossGap && last != null && message.sequence() > last + 1) {
            return;
        }
        lastSent.put(executionId, message.sequence());
        out.send(message.json());
    }
}
