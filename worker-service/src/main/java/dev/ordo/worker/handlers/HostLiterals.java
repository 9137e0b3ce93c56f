package dev.ordo.worker.handlers;

import java.util.regex.Pattern;

/**
 * What the host of a URL looks like: an IP literal, a numeric form other than the dotted quad
 * ({@code 2130706433}, {@code 0177.0.0.1}, {@code 127.1}, {@code 0x7f.1}), or a name. Numeric forms
 * are read differently by different parsers (Java reads {@code 0177.0.0.1} as 177.0.0.1, others as
 * 127.0.0.1), so the outbound guard refuses them rather than guess.
 */
final class HostLiterals {

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern NUMERIC = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]*:[0-9a-f:.]*(%[0-9a-z._-]+)?");

    private HostLiterals() {
    }

    /** A canonical dotted-quad IPv4 address or an IPv6 address (without brackets). */
    static boolean isIpLiteral(String host) {
        return DOTTED_QUAD.matcher(host).matches() || IPV6.matcher(host).matches();
    }

    /** Digits, dots and hex parts that are not a canonical dotted quad: an address in disguise. */
    static boolean isAmbiguousNumeric(String host) {
        return NUMERIC.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches();
    }

    /** {@code [::1]} as {@code ::1}; anything else unchanged. */
    static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
