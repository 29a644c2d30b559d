package dev.vai.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.api.web.ClientAddress;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which changes a browser could have been made to send from another site are refused, and which pass. */
class CrossSiteCheckTest {

    private static final String TOKEN = "vai_k_EG7fCyGqdE2WZNPcvK5W7BaafExPKChjvyjPCeImdGz4Edh74";
    private final CrossSiteCheck check = new CrossSiteCheck(List.of("https://app.example.com"),
            new ClientAddress(List.of("10.0.0.1")));

    private static MockHttpServletRequest post(String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/access-tokens");
        request.setScheme("http");
        request.addHeader("Host", "tokens.example.com:8080");
        request.setRemoteAddr("198.51.100.7");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    private boolean refuses(MockHttpServletRequest request) {
        PresentedCredential presented = PresentedCredential.of(request, true);
        return check.refuses(request, new Authentication(AuthOutcome.SUCCESS, presented.kind(), null,
                presented.cookieOnly(), null));
    }

    private static MockHttpServletRequest withCookie(MockHttpServletRequest request) {
        request.setCookies(new Cookie("vai_token", TOKEN));
        return request;
    }

    @Test
    void aCookieChangeFromAnotherOriginIsRefusedWhicheverPartDiffers() {
        assertThat(refuses(withCookie(post("Origin", "http://evil.example:8080")))).as("host").isTrue();
        assertThat(refuses(withCookie(post("Origin", "http://tokens.example.com:9090")))).as("port").isTrue();
        assertThat(refuses(withCookie(post("Origin", "https://tokens.example.com:8080")))).as("scheme").isTrue();
        assertThat(refuses(withCookie(post("Origin", "null")))).as("an opaque origin").isTrue();
        assertThat(refuses(withCookie(post("Sec-Fetch-Site", "cross-site")))).isTrue();
    }

    @Test
    void anUnrelatedAuthorizationHeaderBesideTheCookieChangesNothing() {
        assertThat(refuses(withCookie(post("Origin", "http://evil.example", "Authorization", "Basic dXNlcjpwYXNz"))))
                .isTrue();
    }

    @Test
    void theServicesOwnOriginAndTheTrustedOnesPass() {
        assertThat(refuses(withCookie(post("Origin", "http://tokens.example.com:8080")))).isFalse();
        assertThat(refuses(withCookie(post("Origin", "HTTP://Tokens.Example.com:8080/")))).isFalse();
        assertThat(refuses(withCookie(post("Origin", "https://app.example.com")))).isFalse();
        assertThat(refuses(withCookie(post("Origin", "https://app.example.com:443")))).isFalse();
        assertThat(refuses(withCookie(post("Sec-Fetch-Site", "same-origin", "Origin", "https://x.example")))).isFalse();
        assertThat(refuses(withCookie(post()))).as("no browser headers").isFalse();
    }

    @Test
    void behindATrustedProxyTheSchemeIsTheForwardedOne() {
        MockHttpServletRequest proxied = withCookie(post("Origin", "https://tokens.example.com",
                "Host", "tokens.example.com", "X-Forwarded-Proto", "https"));
        proxied.removeHeader("Host");
        proxied.addHeader("Host", "tokens.example.com");
        proxied.setRemoteAddr("10.0.0.1");
        assertThat(refuses(proxied)).isFalse();
        proxied.setRemoteAddr("198.51.100.7");
        assertThat(refuses(proxied)).as("X-Forwarded-Proto from anyone else is not believed").isTrue();
    }

    @Test
    void aTokenInAHeaderIsNotSomethingAnotherSiteCanSend() {
        assertThat(refuses(withCookie(post("Origin", "http://evil.example", "Authorization", "Bearer " + TOKEN))))
                .as("the same token in a header too").isFalse();
        assertThat(refuses(post("Origin", "http://evil.example", "X-API-Key", TOKEN))).isFalse();
        assertThat(refuses(post("Origin", "http://evil.example", "vai_token", TOKEN))).isFalse();
    }

    @Test
    void readsAreNotChanges() {
        MockHttpServletRequest get = withCookie(post("Origin", "http://evil.example"));
        get.setMethod("GET");
        assertThat(refuses(get)).isFalse();
    }
}
