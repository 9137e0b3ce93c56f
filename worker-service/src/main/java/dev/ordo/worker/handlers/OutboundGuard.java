package dev.ordo.worker.handlers;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the destination of an outbound request (the URL of an {@code http_request} step and of
 * every redirect it follows) against the {@link OutboundAddressPolicy}: the host is resolved here,
 * and every address it resolves to must be allowed. The HTTP client then resolves the same name
 * through the JVM's address cache, which holds the answer just checked (for
 * {@code networkaddress.cache.ttl}, 30 s by default, whatever the DNS record's TTL), so a DNS
 * answer that changes between the check and the connection is not followed.
 */
final class OutboundGuard {

    /** Resolves a host name to every address it has. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * Why a destination was refused: a sentence; whether trying again could help (a DNS failure);
     * whether the address policy refused it, so configuration could allow it.
     */
    record Refusal(String reason, boolean retryable, boolean byPolicy) {

        static Refusal invalid(String reason) {
            return new Refusal(reason, false, false);
        }
    }

    private final OutboundAddressPolicy policy;
    private final Resolver resolver;

    OutboundGuard(OutboundAddressPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    OutboundGuard(OutboundAddressPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** Why {@code uri} may not be called, or empty when it may. */
    Optional<Refusal> check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(Refusal.invalid("only http and https URLs may be called, not '" + uri.getScheme() + "'"));
        }
        String host = host(uri);
        if (host.isEmpty()) {
            return Optional.of(Refusal.invalid("the URL names no host"));
        }
        if (HostLiterals.isAmbiguousNumeric(host)) {
            return Optional.of(Refusal.invalid("the host '" + host + "' is a numeric address other than a dotted "
                    + "quad, which parsers read differently; write it as a.b.c.d"));
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("the host '" + host + "' does not resolve", true, false));
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = policy.refusal(address);
            if (refused.isPresent()) {
                return Optional.of(new Refusal(HostLiterals.isIpLiteral(host) ? refused.get()
                        : "'" + host + "' resolves to " + refused.get(), false, true));
            }
        }
        return Optional.empty();
    }

    /**
     * The host of {@code uri}, unbracketed; also where {@link URI} finds none because the name is no
     * valid host name ({@code 127.1}: a last label that starts with a digit), taken from the authority.
     */
    private static String host(URI uri) {
        if (uri.getHost() != null) {
            return HostLiterals.unbracketed(uri.getHost());
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return "";
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        return port < 0 || host.endsWith("]") ? HostLiterals.unbracketed(host)
                : HostLiterals.unbracketed(host.substring(0, port));
    }
}
