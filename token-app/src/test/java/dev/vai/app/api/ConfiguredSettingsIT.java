package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Api.headers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.Scrape;
import dev.vai.app.support.ServiceIT;
import dev.vai.app.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The settings change what they say: VAI_DEFAULT_TOKEN_LIFETIME_DAYS, VAI_MAX_TOKEN_LIFETIME_DAYS,
 * VAI_SESSION_TTL_MINUTES, VAI_TRUSTED_PROXIES, VAI_AUTH_FAILURE_LIMIT (security checklist row 22) and
 * VAI_TRUSTED_ORIGINS with the cross-site check (row 21). Behind the trusted proxy 127.0.0.1, each test speaks for
 * a client address of its own through X-Forwarded-For.
 */
@ServiceIT
@TestPropertySource(properties = {"vai.default-token-lifetime-days=7", "vai.max-token-lifetime-days=30",
        "vai.session-ttl-minutes=60", "vai.trusted-proxies=127.0.0.1", "vai.auth-failure-limit=5",
        "vai.trusted-origins=https://app.example.com"})
class ConfiguredSettingsIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private static Duration lifetime(JsonNode token) {
        return Duration.between(Instant.parse(token.get("createdAt").asText()),
                Instant.parse(token.get("expiresAt").asText()));
    }

    @Test
    void aKeyWithoutExpiresInDaysGetsTheDefaultLifetime() {
        Api api = new Api(port);
        Api.Issued session = api.newUser();
        assertThat(lifetime(session.token())).isEqualTo(Duration.ofMinutes(60));

        Response absent = api.postJson(TOKENS, "{\"name\": \"default\"}", bearer(session.plaintext()));
        Response explicitNull = api.postJson(TOKENS, "{\"name\": \"default\", \"expiresInDays\": null}",
                bearer(session.plaintext()));

        assertThat(lifetime(absent.json().get("token"))).isEqualTo(Duration.ofDays(7));
        assertThat(lifetime(explicitNull.json().get("token"))).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theMaximumIsTheConfiguredOne() {
        Api api = new Api(port);
        Api.Issued session = api.newUser();
        Response tooLong = api.postJson(TOKENS, "{\"name\": \"n\", \"expiresInDays\": 31}", bearer(session.plaintext()));
        assertThat(tooLong.status()).isEqualTo(422);
        JsonNode error = tooLong.json().get("detail").get(0);
        assertThat(error.get("type").asText()).isEqualTo("less_than_equal");
        assertThat(error.get("msg").asText()).contains("30");
        assertThat(api.postJson(TOKENS, "{\"name\": \"n\", \"expiresInDays\": 30}", bearer(session.plaintext()))
                .status()).isEqualTo(201);
    }

    @Test
    void behindATrustedProxyTheClientAddressComesFromXForwardedFor() {
        Api api = new Api(port);
        Api.Issued session = api.newUser();
        Api.Issued key = api.createApiKey(session.plaintext(), "proxied");

        api.delete(TOKENS + "/" + key.id(), headers(bearer(session.plaintext()),
                new String[] {"X-Forwarded-For", "198.51.100.23, 127.0.0.1"}));

        assertThat(new EventStore(jdbc).eventsOf(key.id()).get(1).metaData())
                .contains("\"clientIp\":\"198.51.100.23\"");
    }

    private static String[] from(String client, String... more) {
        return headers(new String[] {"X-Forwarded-For", client}, more);
    }

    @Test
    void aClientThatFailsTooOftenGets429UntilTheMinutePassesButItsValidTokensKeepWorking() {
        Api api = new Api(port);
        String client = "198.51.100.61";
        Api.Issued session = api.newUser();
        String garbage = "vai_k_" + "A".repeat(49);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(api.get(TOKENS, from(client, bearer(garbage))).status()).isEqualTo(401);
            }
            Api.Response throttled = api.get(TOKENS, from(client, bearer(garbage)));
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(throttled.json().get("detail").asText()).contains("retry after");
            assertThat(api.get(TOKENS, from(client, bearer("malformed"))).status()).isEqualTo(429);
            assertThat(api.get(TOKENS, from(client, bearer(session.plaintext()))).status())
                    .as("a valid token from the same address").isEqualTo(200);
            assertThat(api.get(TOKENS, from("198.51.100.62", bearer(garbage))).status()).as("another client")
                    .isEqualTo(401);
            assertThat(Scrape.of(api).sum("vai_authentications_total", "outcome=\"throttled\"")).isPositive();

            clock.advance(Duration.ofSeconds(61));
            assertThat(api.get(TOKENS, from(client, bearer(garbage))).status()).as("the window has passed")
                    .isEqualTo(401);
        } finally {
            clock.reset();
        }
    }

    @Test
    void guessingTheAdminKeyIsThrottledTooButTheRightKeyStillWorks() {
        Api api = new Api(port);
        String client = "198.51.100.71";
        for (int i = 0; i < 5; i++) {
            assertThat(api.postJson("/internal/v1/sessions", "{\"userId\": \"u\"}",
                    from(client, "X-Admin-Key", "guess-" + i)).status()).isEqualTo(401);
        }
        assertThat(api.postJson("/internal/v1/sessions", "{\"userId\": \"u\"}", from(client, "X-Admin-Key", "again"))
                .status()).isEqualTo(429);
        assertThat(api.postJson("/internal/v1/sessions", "{\"userId\": \"u\"}", from(client, api.admin())).status())
                .isEqualTo(201);
    }

    @Test
    void aCookieOnlyChangeFromAnotherSiteIsRefused() {
        Api api = new Api(port);
        String client = "198.51.100.81";
        Api.Issued session = api.newUser();
        String cookie = "vai_token=" + session.plaintext();
        String body = "{\"name\": \"csrf\"}";

        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Origin", "https://evil.example"))
                .status()).isEqualTo(403);
        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Sec-Fetch-Site", "cross-site"))
                .status()).isEqualTo(403);
        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Origin", "null")).status())
                .isEqualTo(403);
        Api.Issued key = api.createApiKey(session.plaintext(), "target");
        assertThat(api.delete(TOKENS + "/" + key.id(), from(client, "Cookie", cookie, "Origin", "https://evil.example"))
                .status()).isEqualTo(403);
        assertThat(api.get(TOKENS, bearer(key.plaintext())).status()).as("not revoked").isEqualTo(200);

        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie)).status()).as("no browser headers")
                .isEqualTo(201);
        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Origin", "http://127.0.0.1:" + port))
                .status()).as("this service's own origin").isEqualTo(201);
        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Origin", "https://app.example.com"))
                .status()).as("a trusted origin").isEqualTo(201);
        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Sec-Fetch-Site", "same-site",
                "Origin", "https://other.example")).status()).as("Sec-Fetch-Site decides").isEqualTo(201);
        assertThat(api.postJson(TOKENS, body, from(client, "Authorization", "Bearer " + session.plaintext(),
                "Origin", "https://evil.example")).status()).as("a header no other site can send").isEqualTo(201);
        assertThat(api.get(TOKENS, from(client, "Cookie", cookie, "Sec-Fetch-Site", "cross-site")).status())
                .as("reads are not changes").isEqualTo(200);
    }
}
