package dev.ordo.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {

    /** A DNS that knows a few names; every other name does not resolve. */
    private static final Map<String, String[]> DNS = Map.of(
            "api.example.com", new String[] {"93.184.215.14"},
            "internal.example.com", new String[] {"10.0.0.5"},
            "split.example.com", new String[] {"93.184.215.14", "127.0.0.1"},
            "mapped.example.com", new String[] {"::ffff:169.254.169.254"});

    private final OutboundGuard guard = new OutboundGuard(OutboundAddressPolicy.publicOnly(), OutboundGuardTest::resolve);

    @Test
    void a_name_that_resolves_to_public_addresses_may_be_called() {
        assertThat(guard.check(URI.create("https://api.example.com/orders"))).isEmpty();
        assertThat(guard.check(URI.create("http://93.184.215.14:8080/"))).isEmpty();
    }

    @Test
    void a_name_that_resolves_to_a_private_address_is_refused_naming_the_name_and_the_address() {
        assertThat(guard.check(URI.create("http://internal.example.com/admin"))).hasValue(new OutboundGuard.Refusal(
                "'internal.example.com' resolves to 10.0.0.5 is a private address", false, true));
    }

    @Test
    void a_name_with_one_refused_address_among_public_ones_is_refused() {
        assertThat(guard.check(URI.create("http://split.example.com/"))).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).contains("127.0.0.1 is a loopback address"));
    }

    @Test
    void ip_literals_of_refused_kinds_are_refused_in_both_families() {
        assertThat(guard.check(URI.create("http://127.0.0.1:8080/"))).hasValue(
                new OutboundGuard.Refusal("127.0.0.1 is a loopback address", false, true));
        assertThat(guard.check(URI.create("http://169.254.169.254/latest/meta-data/"))).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).isEqualTo("169.254.169.254 is a cloud metadata address"));
        assertThat(guard.check(URI.create("http://[::1]:8080/"))).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).endsWith("is a loopback address"));
        assertThat(guard.check(URI.create("http://[fd00:ec2::254]/"))).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).endsWith("is a cloud metadata address"));
        assertThat(guard.check(URI.create("http://[::ffff:10.0.0.1]/"))).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).isEqualTo("10.0.0.1 is a private address"));
        assertThat(guard.check(URI.create("http://mapped.example.com/"))).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).endsWith("is a cloud metadata address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0177.0.0.1", "127.1", "0x7f.0.0.1", "0x7f000001", "017700000001",
        "127.0.0.01", "10.0.0.1."})
    void a_numeric_host_other_than_a_dotted_quad_is_refused_as_ambiguous(String host) {
        assertThat(guard.check(URI.create("http://" + host + "/"))).hasValueSatisfying(refusal -> {
            assertThat(refusal.reason()).contains("'" + host + "' is a numeric address other than a dotted quad");
            assertThat(refusal.retryable()).isFalse();
            assertThat(refusal.byPolicy()).isFalse();
        });
    }

    @Test
    void a_name_that_does_not_resolve_is_refused_retryably() {
        assertThat(guard.check(URI.create("http://nowhere.example.com/"))).hasValue(
                new OutboundGuard.Refusal("the host 'nowhere.example.com' does not resolve", true, false));
    }

    @Test
    void only_http_and_https_urls_with_a_host_may_be_called() {
        assertThat(guard.check(URI.create("file:///etc/passwd"))).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).contains("only http and https"));
        assertThat(guard.check(URI.create("http:///path"))).hasValueSatisfying(refusal ->
                assertThat(refusal.reason()).isEqualTo("the URL names no host"));
    }

    @Test
    void loopback_allowed_by_configuration_may_be_called() {
        OutboundGuard loopback = new OutboundGuard(OutboundAddressPolicy.of(false, "127.0.0.0/8,::1/128"),
                OutboundGuardTest::resolve);

        assertThat(loopback.check(URI.create("http://127.0.0.1:8080/"))).isEmpty();
        assertThat(loopback.check(URI.create("http://[::1]:8080/"))).isEmpty();
        assertThat(loopback.check(URI.create("http://internal.example.com/"))).isPresent();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (HostLiterals.isIpLiteral(host)) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    }
}
