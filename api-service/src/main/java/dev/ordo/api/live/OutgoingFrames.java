package dev.ordo.api.live;

import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.net.SocketTimeoutException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A connection's bounded outgoing queue, written with the container's asynchronous send: one frame in
 * flight, the rest queued, so {@link #send} never waits for the client. When the queued text
 * passes {@code limitChars} (a frame larger than the limit is still let through alone), or a frame
 * has not reached the client within the send timeout, the queue is dropped, {@code fellBehind} is
 * told why at once, and {@code close} once the frame in flight is done (closing in the middle of a
 * frame would break the container's write of it; a client that never reads again is cut off by the
 * container at the send timeout).
 */
final class OutgoingFrames {

    static final String BUFFER_FULL = "client fell behind: outgoing buffer full";
    static final String SEND_TIMED_OUT = "client fell behind: send timed out";

    private final Session session;
    private final long limitChars;
    private final Consumer<String> fellBehind;
    private final Consumer<String> close;
    private volatile String closeWhenSent;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedChars = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile long lastQueuedNanos = System.nanoTime();

    OutgoingFrames(Session session, long limitChars, Consumer<String> fellBehind, Consumer<String> close) {
        this.session = session;
        this.limitChars = limitChars;
        this.fellBehind = fellBehind;
        this.close = close;
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
        drain();
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

    private void drain() {
        while (!stopped.get() && sending.compareAndSet(false, true)) {
            String next = queue.poll();
            if (next == null) {
                sending.set(false);
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            try {
                session.getAsyncRemote().sendText(next, result -> sent(next, result));
            } catch (RuntimeException e) {
                sending.set(false);
                stop();
            }
            return;
        }
    }

    private void sent(String text, SendResult result) {
        queuedChars.addAndGet(-text.length());
        String why = closeWhenSent;
        if (why != null) {
            close.accept(why);
            return;
        }
        sending.set(false);
        if (result.isOK()) {
            drain();
        } else if (result.getException() instanceof SocketTimeoutException) {
            stop(SEND_TIMED_OUT);
        } else {
            stop();
        }
    }

    private void stop(String why) {
        if (stopped.compareAndSet(false, true)) {
            queue.clear();
            fellBehind.accept(why);
            closeWhenSent = why;
            if (sending.compareAndSet(false, true)) {
                close.accept(why);
            }
        }
    }
}
