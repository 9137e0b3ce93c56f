package dev.ordo.stack;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * Stops what the local stack started, newest first, whenever the JVM is asked to stop: also while
 * it is still starting. Anything started after the stop began is closed at once.
 */
final class Shutdown {

    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    Shutdown(PrintStream out) {
        this.out = out;
    }

    /** Registers {@code resource} to be closed on stop, and returns it. */
    <T extends AutoCloseable> T track(T resource) {
        boolean closeNow;
        synchronized (this) {
            closeNow = stopping;
            if (!closeNow) {
                started.push(resource);
            }
        }
        if (closeNow) {
            close(resource);
        }
        return resource;
    }

    void run() {
        synchronized (this) {
            stopping = true;
        }
        out.println("ordo: stopping");
        AutoCloseable next;
        while ((next = poll()) != null) {
            close(next);
        }
        stopped.countDown();
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private synchronized AutoCloseable poll() {
        return started.poll();
    }

    private void close(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            out.println("ordo: failed to stop " + resource.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
