package dev.ordo.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressPolicyTest {

    private final OutboundAddressPolicy publicOnly = OutboundAddressPolicy.publicOnly();

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, a loopback address", "127.255.1.2, a loopback address",
        "0.0.0.0, an unspecified address", "10.1.2.3, a private address", "172.16.0.1, a private address",
        "172.31.255.255, a private address", "192.168.1.1, a private address",
        "100.64.0.1, a shared (CGNAT) address", "100.127.255.254, a shared (CGNAT) address",
        "169.254.1.1, a link-local address", "169.254.169.254, a cloud metadata address",
        "224.0.0.1, a multicast address", "239.255.255.250, a multicast address",
        "255.255.255.255, a reserved or broadcast address",
        "::1, a loopback address", "::, an unspecified address", "fe80::1, a link-local address",
        "fc00::1, a private (unique local) address", "fd12:3456::1, a private (unique local) address",
        "fd00:ec2::254, a cloud metadata address", "ff02::1, a multicast address", "fec0::1, a site-local address"})
    void an_address_of_a_refused_kind_is_refused_saying_which_kind(String address, String kind) throws Exception {
        assertThat(publicOnly.refusal(InetAddress.getByName(address)))
                .hasValue(InetAddress.getByName(address).getHostAddress() + " is " + kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2606:4700::1111",
        "2a00:1450:4001::200e"})
    void a_public_address_may_be_called(String address) throws Exception {
        assertThat(publicOnly.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void an_ipv6_address_carrying_an_ipv4_one_is_judged_by_the_ipv4_address() throws Exception {
        assertThat(publicOnly.refusal(ipv6("::ffff:127.0.0.1"))).hasValueSatisfying(reason ->
                assertThat(reason).endsWith("is a loopback address"));
        assertThat(publicOnly.refusal(ipv6("::ffff:169.254.169.254"))).hasValueSatisfying(reason ->
                assertThat(reason).endsWith("is a cloud metadata address"));
        assertThat(publicOnly.refusal(ipv6("::10.0.0.1"))).hasValueSatisfying(reason ->
                assertThat(reason).endsWith("is a private address"));
        assertThat(publicOnly.refusal(ipv6("64:ff9b::192.168.0.1"))).hasValueSatisfying(reason ->
                assertThat(reason).endsWith("is a private address"));
        assertThat(publicOnly.refusal(ipv6("2002:7f00:1::"))).hasValueSatisfying(reason ->
                assertThat(reason).endsWith("is a loopback address"));
        assertThat(publicOnly.refusal(ipv6("::ffff:8.8.8.8"))).isEmpty();
        assertThat(publicOnly.refusal(ipv6("64:ff9b::8.8.8.8"))).isEmpty();
    }

    @Test
    void java_reads_a_mapped_ipv6_literal_as_the_ipv4_address_and_it_is_refused_as_such() throws Exception {
        assertThat(publicOnly.refusal(InetAddress.getByName("::ffff:10.0.0.1"))).hasValue("10.0.0.1 is a private address");
    }

    @Test
    void allowing_private_addresses_lets_every_refused_kind_through_but_the_metadata_endpoints() throws Exception {
        OutboundAddressPolicy allowPrivate = OutboundAddressPolicy.of(true, "");

        assertThat(allowPrivate.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(allowPrivate.refusal(InetAddress.getByName("10.0.0.1"))).isEmpty();
        assertThat(allowPrivate.refusal(InetAddress.getByName("fd12::1"))).isEmpty();
        assertThat(allowPrivate.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
        assertThat(allowPrivate.refusal(InetAddress.getByName("fd00:ec2::254"))).isPresent();
    }

    @Test
    void an_allowed_network_lets_exactly_its_addresses_through_metadata_included_when_named() throws Exception {
        OutboundAddressPolicy loopback = OutboundAddressPolicy.of(false, "127.0.0.0/8, ::1/128");
        OutboundAddressPolicy metadata = OutboundAddressPolicy.of(false, "169.254.169.254");
        OutboundAddressPolicy narrow = OutboundAddressPolicy.of(false, "10.1.2.0/23");

        assertThat(loopback.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(loopback.refusal(InetAddress.getByName("::1"))).isEmpty();
        assertThat(loopback.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
        assertThat(metadata.refusal(InetAddress.getByName("169.254.169.254"))).isEmpty();
        assertThat(metadata.refusal(InetAddress.getByName("169.254.169.253"))).isPresent();
        assertThat(narrow.refusal(InetAddress.getByName("10.1.3.255"))).isEmpty();
        assertThat(narrow.refusal(InetAddress.getByName("10.1.4.0"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost/8", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "2130706433/32", "0177.0.0.1/8"})
    void a_setting_that_is_no_cidr_block_is_refused_naming_it(String entry) {
        assertThatThrownBy(() -> OutboundAddressPolicy.of(false, "127.0.0.0/8," + entry))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(entry.substring(0, entry.indexOf('/')));
    }

    /** An IPv6 address exactly as written, even where Java would turn it into an IPv4 one. */
    private static InetAddress ipv6(String text) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(text).getAddress();
        if (bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
