package dev.ordo.worker.handlers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address is
 * a block of one. IPv4 and IPv6 blocks never contain each other's addresses; a block written as
 * IPv4-mapped IPv6 ({@code ::ffff:10.0.0.0/104}) is the IPv4 block it maps, as Java reads such
 * addresses as IPv4 ones.
 */
record NetworkRange(byte[] prefix, int bits) {

    NetworkRange {
        if (bits < 0 || bits > prefix.length * 8) {
            throw new IllegalArgumentException("A prefix length of " + bits + " does not fit a " + prefix.length * 8
                    + "-bit address");
        }
        prefix = prefix.clone();
    }

    /**
     * Parses {@code address/bits} or a bare address, both numeric only (no host names).
     *
     * @throws IllegalArgumentException naming the text when it is no CIDR block
     */
    static NetworkRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!HostLiterals.isIpLiteral(address)) {
            throw new IllegalArgumentException("Expected a network as address/prefix-length, e.g. 10.0.0.0/8 or fc00::/7,"
                    + " but got '" + cidr + "'");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: '" + address + "' in '" + cidr + "'", e);
        }
        int bits;
        try {
            bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a prefix length: '" + text.substring(slash + 1) + "' in '" + cidr
                    + "'", e);
        }
        if (bytes.length == 4 && address.contains(":")) {
            if (bits < 96 && slash >= 0) {
                throw new IllegalArgumentException("An IPv4-mapped network needs a prefix length of at least 96: '"
                        + cidr + "'");
            }
            bits = slash < 0 ? 32 : bits - 96;
        }
        try {
            return new NetworkRange(bytes, bits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ": '" + cidr + "'", e);
        }
    }

    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (prefix[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkRange range && range.bits == bits && Arrays.equals(range.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + bits;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
