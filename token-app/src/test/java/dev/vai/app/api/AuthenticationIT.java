package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.Api;
import dev.vai.app.support.ConnectionCounter;
import dev.vai.app.support.RawHttp;
import dev.vai.app.support.ServiceIT;
import dev.vai.app.support.TestClock;
import dev.vai.projection.token.UsageRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Where a token may come from, what makes it fail, and what failing costs. */
@ServiceIT
class AuthenticationIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    UsageRecorder usage;

    @Autowired
    Api api;
    private Issued alice;

    @BeforeEach
    void setUp() {
        alice = api.issue(aSession());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenIsAcceptedAsBearerInAnyCaseAsXApiKeyAsCookieAndAsVaiTokenHeader() {
        String token = alice.plaintext();
        assertThat(api.get(TOKENS, "Authorization", "Bearer " + token).status()).isEqualTo(200);
        assertThat(api.get(TOKENS, "Authorization", "bearer " + token).status()).isEqualTo(200);
        assertThat(api.get(TOKENS, "Authorization", "BEARER " + token).status()).isEqualTo(200);
        assertThat(api.get(TOKENS, "X-API-Key", token).status()).isEqualTo(200);
        assertThat(api.get(TOKENS, "Cookie", "vai_token=" + token).status()).isEqualTo(200);
        assertThat(api.get(TOKENS, "Cookie", "theme=dark; vai_token=" + token + "; lang=en").status()).isEqualTo(200);
        assertThat(api.get(TOKENS, "vai_token", token).status()).isEqualTo(200);
        assertThat(api.get(TOKENS, "Cookie", "__Host-vai_token=" + token).status()).isEqualTo(200);
    }

    @Test
    void theSameTokenInSeveralPlacesIsFine() {
        String token = alice.plaintext();
        assertThat(api.get(TOKENS, "Authorization", "Bearer " + token, "X-API-Key", token,
                "Cookie", "vai_token=" + token).status()).isEqualTo(200);
    }

    @Test
    void differentTokensInOneRequestAre400AndAuthenticateAsNone() {
        Issued other = api.issue(aSession());
        Response conflict = api.get(TOKENS, "Authorization", "Bearer " + alice.plaintext(),
                "X-API-Key", other.plaintext());
        assertThat(conflict.status()).isEqualTo(400);
        assertThat(conflict.json().get("detail").isTextual()).isTrue();
        assertThat(api.get(TOKENS, "X-API-Key", alice.plaintext(), "Cookie", "vai_token=" + other.plaintext())
                .status()).isEqualTo(400);
    }

    @Test
    void aDuplicatedAuthorizationHeaderOrCookieIs400() {
        String token = alice.plaintext();
        assertThat(api.get(TOKENS, "Authorization", "Bearer " + token, "Authorization", "Bearer " + token)
                .status()).isEqualTo(400);
        assertThat(api.get(TOKENS, "Cookie", "vai_token=" + token + "; vai_token=" + token).status())
                .isEqualTo(400);
        assertThat(api.get(TOKENS, "Cookie", "__Host-vai_token=" + token + "; __Host-vai_token=" + token).status())
                .isEqualTo(400);
    }

    @Test
    void noCredentialIs401WithTheBearerChallenge() {
        Response missing = api.get(TOKENS);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(missing.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void badCredentialsAre401() {
        String token = alice.plaintext();
        String badChecksum = token.substring(0, 54) + (token.charAt(54) == 'a' ? 'b' : 'a');
        String unknown = api.issue(aSession()).plaintext();
        api.delete(TOKENS + "?exclude_current=false", bearer(unknown));
        for (String[] headers : new String[][] {
                {"Authorization", "Bearer"},
                {"Authorization", "Bearer "},
                {"Authorization", "Basic dXNlcjpwYXNz"},
                {"Authorization", "Bearer garbage"},
                {"Authorization", "Bearer " + badChecksum},
                {"Authorization", "Bearer " + unknown},
                {"X-API-Key", "x".repeat(15_000)},
                {"X-API-Key", token + "x"},
        }) {
            Response answer = api.get(TOKENS, headers);
            assertThat(answer.status()).as(headers[1].substring(0, Math.min(40, headers[1].length()))).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void aHeaderOver16KbIsRefusedByTheContainerInTheApisShape() {
        byte[] huge = ("X-API-Key: " + "x".repeat(100_000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Answer answer = RawHttp.get(port, TOKENS, huge);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("{\"detail\":\"Bad Request\"}").doesNotContain("Tomcat");
    }

    @Test
    void aTokenInTheQueryStringIsNeverAccepted() {
        assertThat(api.get(TOKENS + "?access_token=" + alice.plaintext()).status()).isEqualTo(401);
        assertThat(api.get(TOKENS + "?vai_token=" + alice.plaintext()).status()).isEqualTo(401);
    }

    @Test
    void aMalformedTokenCostsNoDatabaseQueryAndAWellFormedOneDoes() {
        ConnectionCounter connections = (ConnectionCounter) dataSource;
        String token = alice.plaintext();
        String badChecksum = token.substring(0, 54) + (token.charAt(54) == 'a' ? 'b' : 'a');
        usage.flush();

        long before = connections.borrowed();
        for (int i = 0; i < 20; i++) {
            assertThat(api.get(TOKENS, bearer(badChecksum)).status()).isEqualTo(401);
            assertThat(api.get(TOKENS, bearer("vai_k_tooshort")).status()).isEqualTo(401);
        }
        assertThat(connections.borrowed()).isEqualTo(before);

        assertThat(api.get(TOKENS, bearer(api.issue(aSession()).plaintext())).status())
                .isEqualTo(200);
        assertThat(connections.borrowed()).isGreaterThan(before);
    }

    @Test
    void readingOneTokenIsOneStatementWhateverTheAnswer() {
        ConnectionCounter connections = (ConnectionCounter) dataSource;
        Issued key = api.issue(anApiKey().named("read me").by(alice));
        Issued bob = api.issue(aSession());
        usage.flush();
        Object[][] reads = {{key.id(), 200}, {alice.id(), 200}, {bob.id(), 404},
                {java.util.UUID.randomUUID().toString(), 404}};
        for (Object[] read : reads) {
            long before = connections.borrowed();
            Response answer = api.get(TOKENS + "/" + read[0], bearer(alice.plaintext()));
            assertThat(answer.status()).as(read[0].toString()).isEqualTo(read[1]);
            assertThat(connections.borrowed() - before).as("statements for " + read[0]).isEqualTo(1);
        }
    }

    @Test
    void unknownRevokedAndExpiredTokensTakeTheSamePathOneLookupEach() {
        ConnectionCounter connections = (ConnectionCounter) dataSource;
        Issued revoked = api.issue(anApiKey().named("revoked").by(alice));
        api.delete(TOKENS + "/" + revoked.id(), bearer(alice.plaintext()));
        String expiring = api.postJson(TOKENS, "{\"name\":\"expiring\",\"expiresInDays\":1}",
                bearer(alice.plaintext())).json().get("plaintext").asText();
        Issued unknown = api.issue(aSession());
        api.delete(TOKENS + "?exclude_current=false", bearer(unknown.plaintext()));
        usage.flush();
        clock.set(Instant.now().plus(Duration.ofDays(2)));

        for (String token : new String[] {revoked.plaintext(), expiring, unknown.plaintext()}) {
            long before = connections.borrowed();
            Response answer = api.get(TOKENS, bearer(token));
            assertThat(answer.status()).isEqualTo(401);
            assertThat(connections.borrowed() - before).isEqualTo(1);
        }
    }

    @Test
    void aTokenExpiresAtItsExpiryInstantNotAMillisecondLater() {
        Issued key = api.issue(anApiKey().named("expiring").by(alice));
        Response created = api.postJson(TOKENS, "{\"name\":\"one day\",\"expiresInDays\":1}", bearer(alice.plaintext()));
        String token = created.json().get("plaintext").asText();
        Instant expiresAt = Instant.parse(created.json().get("token").get("expiresAt").asText());

        clock.set(expiresAt.minusMillis(1));
        assertThat(api.get(TOKENS, bearer(token)).status()).isEqualTo(200);
        clock.set(expiresAt);
        assertThat(api.get(TOKENS, bearer(token)).status()).isEqualTo(401);
        assertThat(api.get(TOKENS, bearer(key.plaintext())).status()).as("no expiry").isEqualTo(200);

        clock.reset();
        assertThat(api.get(TOKENS, bearer(alice.plaintext())).json().get("items"))
                .as("expired tokens stay visible").hasSize(3);
    }

    @Test
    void lastUsedAtIsSetWithinASecondOfTheFirstUseAndThenMovesAtMostOncePerMinute() throws Exception {
        Instant start = Instant.parse("2030-01-01T00:00:00.000Z");
        clock.set(start);
        Issued key = api.issue(anApiKey().named("used").by(api.issue(aSession())));
        api.get(TOKENS, bearer(key.plaintext()));
        Thread.sleep(1000);
        assertThat(lastUsedAt(key)).isEqualTo("2030-01-01T00:00:00.000Z");

        clock.set(start.plusSeconds(30));
        api.get(TOKENS, bearer(key.plaintext()));
        Thread.sleep(1000);
        assertThat(lastUsedAt(key)).as("within the minute: unchanged").isEqualTo("2030-01-01T00:00:00.000Z");

        clock.set(start.plusSeconds(61));
        api.get(TOKENS, bearer(key.plaintext()));
        Thread.sleep(1000);
        assertThat(lastUsedAt(key)).isEqualTo("2030-01-01T00:01:01.000Z");
    }

    private String lastUsedAt(Issued key) {
        // read with the key itself; this use happens at the same clock time
        return api.get(TOKENS + "/" + key.id(), bearer(key.plaintext())).json().get("lastUsedAt").asText();
    }

    @Test
    void controlCharactersAndNonAsciiInCredentialsAreRefusedNotFatal() {
        byte[] crlf = ("Authorization: Bearer " + alice.plaintext() + "\rX-Evil: 1\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RawHttp.get(port, TOKENS, crlf).status()).isIn(400, 401);
        byte[] nonAscii = ("X-API-Key: vai_k_\u00e9\u00e8" + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Answer answer = RawHttp.get(port, TOKENS, nonAscii);
        assertThat(answer.status()).isIn(400, 401);
        assertThat(answer.text()).doesNotContain("Exception");
        byte[] utf8 = ("Cookie: vai_token=\u00e9t\u00e9\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(RawHttp.get(port, TOKENS, utf8).status()).isIn(400, 401);
    }

    @Test
    void anExpiredSessionAndARevokedOneFailAlike() {
        Issued session = api.issue(aSession());
        api.delete(TOKENS + "?exclude_current=false", bearer(session.plaintext()));
        Response revoked = api.get(TOKENS, bearer(session.plaintext()));
        clock.set(Instant.now().plus(Duration.ofDays(1)));
        Response expired = api.get(TOKENS, bearer(alice.plaintext()));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(revoked.body()).isEqualTo(expired.body());
    }
}
