package dev.ordo.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Resolves TCP ports on the loopback interface: {@code 0} means "any free port", any other value
 * must currently be bindable. A port found free can still be taken by another process before the
 * server binds it; callers accept that small race.
 */
final class FreePort {

    private FreePort() {
    }

    /**
     * Returns {@code requested} when it is positive, otherwise a port that was free a moment ago.
     */
    static int resolve(int requested) {
        if (requested < 0 || requested > 65535) {
            throw new IllegalArgumentException("Port out of range: " + requested);
        }
        return requested > 0 ? requested : pick();
    }

    /**
     * Fails with a message naming {@code owner} when {@code port} cannot be bound on loopback.
     */
    static void requireAvailable(int port, String owner) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(owner + " cannot use port " + port + ": it is already in use", e);
        }
    }

    private static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port available on loopback", e);
        }
    }
}
