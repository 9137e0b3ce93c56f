package dev.ordo.api.live;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A connection's bounded outgoing queue. {@link #send} only queues and never waits for the client:
 * the frames are written on a {@code writer} thread with the container's message batching, all that
 * is queued at once and then one flush, so several frames go out in one write. At most one write
 * per connection is queued or running at a time. When the queued text passes {@code limitChars} (a
 * frame larger than the limit is still let through alone), or a write has not reached the client
 * within the container's blocking send timeout, the queue is dropped, {@code fellBehind} is told why
 * at once, and {@code close} once the write under way is done (closing in the middle of a frame would
 * break the container's write of it).
 *
 * <p>Inside {@link #deferringWrites} the writes that sends ask for on the calling thread are started
 * when it ends: a fan-out hands all frames of a poll to the queues first, so each connection gets
 * them in one write.
 */
final class OutgoingFrames {

    static final String BUFFER_FULL = "client fell behind: outgoing buffer full";
    static final String SEND_TIMED_OUT = "client fell behind: send timed out";

    private static final ThreadLocal<Set<OutgoingFrames>> DEFERRED = new ThreadLocal<>();

    private final Session session;
    private final long limitChars;
    private final Executor writer;
    private final Consumer<String> fellBehind;
    private final Consumer<String> close;
    private volatile String closeWhenWritten;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedChars = new AtomicLong();
    /** A write is queued or running; whoever sets it owns the session's remote end. */
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile long lastQueuedNanos = System.nanoTime();

    OutgoingFrames(Session session, long limitChars, Executor writer, Consumer<String> fellBehind,
                   Consumer<String> close) {
        this.session = session;
        this.limitChars = limitChars;
        this.writer = writer;
        this.fellBehind = fellBehind;
        this.close = close;
    }

    /** Runs {@code work}; the writes its sends ask for on this thread start when it returns. */
    static void deferringWrites(Runnable work) {
        if (DEFERRED.get() != null) {
            work.run();
            return;
        }
        Set<OutgoingFrames> deferred = new LinkedHashSet<>();
        DEFERRED.set(deferred);
        try {
            work.run();
        } finally {
            DEFERRED.remove();
            deferred.forEach(OutgoingFrames::write);
        }
    }

    /** Queues one frame; false if the connection is past its limit (or stopped) and the frame dropped. */
    boolean send(String text) {
        if (stopped.get()) {
            return false;
        }
        long before = queuedChars.getAndAdd(text.length());
        if (before > 0 && before + text.length() > limitChars) {
            queuedChars.addAndGet(-text.length());
            stop(BUFFER_FULL);
            return false;
        }
        queue.add(text);
        lastQueuedNanos = System.nanoTime();
        Set<OutgoingFrames> deferred = DEFERRED.get();
        if (deferred != null) {
            deferred.add(this);
        } else {
            write();
        }
        return true;
    }

    /** Nanoseconds since the last frame was queued. */
    long silentNanos() {
        return System.nanoTime() - lastQueuedNanos;
    }

    /** Drops what is queued and sends nothing more. */
    void stop() {
        stopped.set(true);
        queue.clear();
    }

    private void write() {
        if (stopped.get() || !writing.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.execute(this::writeQueued);
        } catch (RejectedExecutionException e) {
            writing.set(false);
            stop();
        }
    }

    private void writeQueued() {
        try {
            RemoteEndpoint.Basic remote = session.getBasicRemote();
            if (!remote.getBatchingAllowed()) {
                remote.setBatchingAllowed(true);
            }
            boolean wrote = false;
            for (String next = queue.poll(); next != null && !stopped.get(); next = queue.poll()) {
                remote.sendText(next);
                queuedChars.addAndGet(-next.length());
                wrote = true;
            }
            if (wrote) {
                remote.flushBatch();
            }
        } catch (IOException | RuntimeException e) {
            if (timedOut(e)) {
                stop(SEND_TIMED_OUT);
            } else {
                stop();
            }
        } finally {
            writing.set(false);
        }
        if (closeWhenWritten != null) {
            if (writing.compareAndSet(false, true)) {
                close.accept(closeWhenWritten);
            }
        } else if (!queue.isEmpty()) {
            write();
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void stop(String why) {
        if (stopped.compareAndSet(false, true)) {
            queue.clear();
            fellBehind.accept(why);
            closeWhenWritten = why;
            if (writing.compareAndSet(false, true)) {
                close.accept(why);
            }
        }
    }
}
