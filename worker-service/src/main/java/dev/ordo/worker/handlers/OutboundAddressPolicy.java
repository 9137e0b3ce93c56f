package dev.ordo.worker.handlers;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses {@code http_request} may call. Refused unless configured otherwise: loopback,
 * unspecified, link-local, private (RFC 1918, IPv6 unique local and site-local), shared (CGNAT),
 * multicast, reserved and broadcast addresses, and the cloud metadata endpoints (169.254.169.254,
 * fd00:ec2::254). An IPv6 address that carries an IPv4 one (mapped {@code ::ffff:a.b.c.d},
 * compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by
 * the IPv4 address it carries.
 *
 * <p>{@code allowPrivate} lets every refused kind through except the metadata endpoints; an
 * address inside one of {@code allowedNetworks} is always let through, metadata included.
 */
final class OutboundAddressPolicy {

    private record Refused(NetworkRange range, String kind, boolean privateUse) {
    }

    private static final List<Refused> REFUSED = List.of(
            refused("169.254.169.254/32", "a cloud metadata address", false),
            refused("fd00:ec2::254/128", "a cloud metadata address", false),
            refused("0.0.0.0/8", "an unspecified address", true),
            refused("127.0.0.0/8", "a loopback address", true),
            refused("10.0.0.0/8", "a private address", true),
            refused("172.16.0.0/12", "a private address", true),
            refused("192.168.0.0/16", "a private address", true),
            refused("100.64.0.0/10", "a shared (CGNAT) address", true),
            refused("169.254.0.0/16", "a link-local address", true),
            refused("224.0.0.0/4", "a multicast address", true),
            refused("240.0.0.0/4", "a reserved or broadcast address", true),
            refused("::/128", "an unspecified address", true),
            refused("::1/128", "a loopback address", true),
            refused("fe80::/10", "a link-local address", true),
            refused("fec0::/10", "a site-local address", true),
            refused("fc00::/7", "a private (unique local) address", true),
            refused("ff00::/8", "a multicast address", true));

    private static final NetworkRange COMPATIBLE = NetworkRange.parse("::/96");
    private static final NetworkRange NAT64 = NetworkRange.parse("64:ff9b::/96");
    private static final NetworkRange SIX_TO_FOUR = NetworkRange.parse("2002::/16");

    private final boolean allowPrivate;
    private final List<NetworkRange> allowedNetworks;

    OutboundAddressPolicy(boolean allowPrivate, List<NetworkRange> allowedNetworks) {
        this.allowPrivate = allowPrivate;
        this.allowedNetworks = List.copyOf(allowedNetworks);
    }

    /** The default: public addresses only. */
    static OutboundAddressPolicy publicOnly() {
        return new OutboundAddressPolicy(false, List.of());
    }

    /**
     * A policy from its settings: {@code allowedNetworks} is a comma-separated list of CIDR blocks,
     * blank for none.
     *
     * @throws IllegalArgumentException naming an entry that is no CIDR block
     */
    static OutboundAddressPolicy of(boolean allowPrivate, String allowedNetworks) {
        List<NetworkRange> networks = allowedNetworks == null ? List.of() : Arrays.stream(allowedNetworks.split(","))
                .map(String::trim).filter(entry -> !entry.isEmpty()).map(NetworkRange::parse).toList();
        return new OutboundAddressPolicy(allowPrivate, networks);
    }

    /** Why {@code address} may not be called, or empty when it may. */
    Optional<String> refusal(InetAddress address) {
        if (allowedNetworks.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        byte[] judged = carriedIpv4(address);
        for (Refused refused : REFUSED) {
            if (refused.range().contains(judged)) {
                if (allowPrivate && refused.privateUse()) {
                    return Optional.empty();
                }
                return Optional.of(address.getHostAddress() + " is " + refused.kind());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "OutboundAddressPolicy[allowPrivate=" + allowPrivate + ", allowedNetworks=" + allowedNetworks + "]";
    }

    /** The IPv4 address an IPv6 one carries, when it carries one; else the address itself. */
    private static byte[] carriedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (!(address instanceof Inet6Address)) {
            return bytes;
        }
        if (isMapped(bytes) || NAT64.contains(bytes)
                || (COMPATIBLE.contains(bytes) && !isUnspecifiedOrLoopback(bytes))) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return Arrays.copyOfRange(bytes, 2, 6);
        }
        return bytes;
    }

    /** {@code ::ffff:a.b.c.d}. */
    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** {@code ::} and {@code ::1} lie in {@code ::/96} but are IPv6 addresses of their own. */
    private static boolean isUnspecifiedOrLoopback(byte[] bytes) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }

    private static Refused refused(String cidr, String kind, boolean privateUse) {
        return new Refused(NetworkRange.parse(cidr), kind, privateUse);
    }
}
