package dev.vai.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PresentedCredentialTest {

    private static final String TOKEN = "vai_k_EG7fCyGqdE2WZNPcvK5W7BaafExPKChjvyjPCeImdGz4Edh74";

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("GET", "/api/v1/access-tokens");
    }

    @Test
    void theUnprefixedCookieCanBeTurnedOffAndThePrefixedOneStillWorks() {
        MockHttpServletRequest plain = request();
        plain.setCookies(new Cookie("vai_token", TOKEN));
        assertThat(PresentedCredential.of(plain, true).token()).isEqualTo(TOKEN);
        assertThat(PresentedCredential.of(plain, false).problem()).isEqualTo(AuthOutcome.MISSING);

        MockHttpServletRequest prefixed = request();
        prefixed.setCookies(new Cookie("__Host-vai_token", TOKEN));
        assertThat(PresentedCredential.of(prefixed, false).token()).isEqualTo(TOKEN);
        assertThat(PresentedCredential.of(prefixed, false).cookieOnly()).isTrue();
    }

    @Test
    void aTokenIsCookieOnlyWhenNoOtherHeaderCarriesIt() {
        MockHttpServletRequest withBasic = request();
        withBasic.setCookies(new Cookie("vai_token", TOKEN));
        withBasic.addHeader("Authorization", "Basic dXNlcjpwYXNz");
        assertThat(PresentedCredential.of(withBasic, true).cookieOnly()).isTrue();

        MockHttpServletRequest alsoInAHeader = request();
        alsoInAHeader.setCookies(new Cookie("vai_token", TOKEN));
        alsoInAHeader.addHeader("vai_token", TOKEN);
        assertThat(PresentedCredential.of(alsoInAHeader, true).cookieOnly()).isFalse();
    }

    @Test
    void differentTokensOrACookieGivenTwiceAreAConflict() {
        MockHttpServletRequest two = request();
        two.setCookies(new Cookie("vai_token", TOKEN), new Cookie("vai_token", TOKEN));
        assertThat(PresentedCredential.of(two, true).problem()).isEqualTo(AuthOutcome.CONFLICT);
        MockHttpServletRequest different = request();
        different.addHeader("X-API-Key", TOKEN);
        different.addHeader("Authorization", "Bearer " + TOKEN.replace('E', 'F'));
        assertThat(PresentedCredential.of(different, true).problem()).isEqualTo(AuthOutcome.CONFLICT);
    }
}
