package dev.vai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private static MockHttpServletRequest from(String remote, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheRemoteAddressIsTheClient() {
        ClientAddress resolver = new ClientAddress(List.of());
        assertThat(resolver.of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aForwardedForFromAnUntrustedPeerIsIgnored() {
        ClientAddress resolver = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(resolver.of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        ClientAddress resolver = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.1"));
        assertThat(resolver.of(from("10.1.2.3", "1.1.1.1, 198.51.100.7, 192.168.1.1"))).isEqualTo("198.51.100.7");
        assertThat(resolver.of(from("10.1.2.3", "1.1.1.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        ClientAddress resolver = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(resolver.of(from("10.0.0.1", "10.0.0.2, 10.0.0.3"))).isEqualTo("10.0.0.2");
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastAddressWeCanVouchFor() {
        ClientAddress resolver = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(resolver.of(from("10.0.0.1", "198.51.100.7, evil.example.com"))).isEqualTo("10.0.0.1");
        assertThat(resolver.of(from("10.0.0.1", "999.1.1.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6RangesWork() {
        ClientAddress resolver = new ClientAddress(List.of("fd00::/8"));
        assertThat(resolver.of(from("fd12::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
        assertThat(resolver.of(from("2001:db8::9", "2001:db8::5"))).isEqualTo("2001:db8::9");
    }
}
