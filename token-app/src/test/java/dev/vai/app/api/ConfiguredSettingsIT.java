package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Api.headers;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.Scrape;
import dev.vai.app.support.ServiceIT;
import dev.vai.app.support.TestClock;
import dev.vai.app.support.TestKafka;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.IssuedBy;
import dev.vai.token.Scopes;
import dev.vai.token.TokenType;
import dev.vai.token.secret.PlaintextToken;
import dev.vai.token.secret.TokenHasher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The settings change what they say: VAI_DEFAULT_TOKEN_LIFETIME_DAYS, VAI_MAX_TOKEN_LIFETIME_DAYS,
 * VAI_SESSION_TTL_MINUTES, VAI_SCOPES (a catalog without the default {@code api}), VAI_MAX_ACTIVE_KEYS_PER_OWNER,
 * VAI_TRUSTED_PROXIES, VAI_AUTH_FAILURE_LIMIT (security checklist row 22) and VAI_TRUSTED_ORIGINS with the
 * cross-site check (row 21). Behind the trusted proxy 127.0.0.1, each test speaks for a client address of its own
 * through X-Forwarded-For.
 */
@ServiceIT
@TestPropertySource(properties = {"vai.default-token-lifetime-days=7", "vai.max-token-lifetime-days=30",
        "vai.session-ttl-minutes=60", "vai.trusted-proxies=127.0.0.1", "vai.auth-failure-limit=5",
        "vai.trusted-origins=https://app.example.com", "vai.scopes=billing,reports",
        "vai.max-active-keys-per-owner=10", "vai.admin-key-previous=" + ConfiguredSettingsIT.PREVIOUS_ADMIN_KEY})
class ConfiguredSettingsIT {

    private static final String TOKENS = "/api/v1/access-tokens";
    static final String PREVIOUS_ADMIN_KEY = "previous-admin-key-0123456789abcdef";

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TokenHasher hasher;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore axonEvents;

    private static Duration lifetime(JsonNode token) {
        return Duration.between(Instant.parse(token.get("createdAt").asText()),
                Instant.parse(token.get("expiresAt").asText()));
    }

    @Test
    void aKeyWithoutExpiresInDaysGetsTheDefaultLifetime() {
        Api.Issued session = api.issue(aSession());
        assertThat(lifetime(session.token())).isEqualTo(Duration.ofMinutes(60));

        Response absent = api.postJson(TOKENS, "{\"name\": \"default\"}", bearer(session.plaintext()));
        Response explicitNull = api.postJson(TOKENS, "{\"name\": \"default\", \"expiresInDays\": null}",
                bearer(session.plaintext()));

        assertThat(lifetime(absent.json().get("token"))).isEqualTo(Duration.ofDays(7));
        assertThat(lifetime(explicitNull.json().get("token"))).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theMaximumIsTheConfiguredOne() {
        Api.Issued session = api.issue(aSession());
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
        Api.Issued session = api.issue(aSession());
        Api.Issued key = api.issue(anApiKey().named("proxied").by(session));

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
        String client = "198.51.100.61";
        Api.Issued session = api.issue(aSession());
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
        String client = "198.51.100.81";
        Api.Issued session = api.issue(aSession());
        String cookie = "vai_token=" + session.plaintext();
        String body = "{\"name\": \"csrf\"}";

        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Origin", "https://evil.example"))
                .status()).isEqualTo(403);
        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Sec-Fetch-Site", "cross-site"))
                .status()).isEqualTo(403);
        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Origin", "null")).status())
                .isEqualTo(403);
        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Origin", "https://evil.example",
                "Authorization", "Basic dXNlcjpwYXNz")).status()).as("an unrelated header beside the cookie")
                .isEqualTo(403);
        assertThat(api.postJson(TOKENS, body, from(client, "Cookie", cookie, "Origin",
                "http://127.0.0.1:" + (port + 1))).status()).as("this host on another port").isEqualTo(403);
        Api.Issued key = api.issue(anApiKey().named("target").by(session));
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

    @Test
    void anOwnerAtTheLimitOfActiveKeysGets409SayingHowToGetUnderItAndSessionsAreNotCounted() {
        String user = "capped-" + UUID.randomUUID();
        Api.Issued session = api.issue(aSession().forUser(user));
        java.util.List<Api.Issued> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add(api.issue(anApiKey().named("key " + i).by(session)));
        }
        Response refused = api.postJson(TOKENS, "{\"name\": \"one too many\"}", bearer(session.plaintext()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("10 active API keys")
                .contains("VAI_MAX_ACTIVE_KEYS_PER_OWNER").contains("Revoke");
        assertThat(api.issue(aSession().forUser(user)).token().get("tokenType").asText()).as("sessions are not counted")
                .isEqualTo("session");

        assertThat(api.delete(TOKENS + "/" + keys.get(0).id(), bearer(session.plaintext())).status()).isEqualTo(204);
        assertThat(api.postJson(TOKENS, "{\"name\": \"back under\"}", bearer(session.plaintext())).status())
                .isEqualTo(201);
    }

    @Test
    void expiredKeysDoNotCountTowardsTheLimitAndRevokeAllFreesExactlyTheKeysItRevoked() {
        // the limit check reads each owner's unrevoked keys first (api_key_counts) and counts only at that bound
        String user = "capped-" + UUID.randomUUID();
        Api.Issued first = api.issue(aSession().forUser(user));
        for (int i = 0; i < 10; i++) {
            assertThat(api.postJson(TOKENS, "{\"name\": \"short " + i + "\", \"expiresInDays\": 1}",
                    bearer(first.plaintext())).status()).isEqualTo(201);
        }
        assertThat(api.postJson(TOKENS, "{\"name\": \"one too many\"}", bearer(first.plaintext())).status())
                .isEqualTo(409);
        try {
            clock.advance(Duration.ofDays(2));
            Api.Issued later = api.issue(aSession().forUser(user));
            for (int i = 0; i < 10; i++) {
                assertThat(api.postJson(TOKENS, "{\"name\": \"after expiry " + i + "\"}",
                        bearer(later.plaintext())).status()).as("ten keys expired: key %d", i).isEqualTo(201);
            }
            assertThat(api.postJson(TOKENS, "{\"name\": \"one too many\"}", bearer(later.plaintext())).status())
                    .isEqualTo(409);
        } finally {
            clock.reset();
        }

        // revoke-all frees the places of the keys it revoked, and only theirs: its sessions were never counted
        String other = "capped-" + UUID.randomUUID();
        Api.Issued session = api.issue(aSession().forUser(other));
        for (int i = 0; i < 3; i++) {
            api.issue(aSession().forUser(other));
        }
        for (int i = 0; i < 10; i++) {
            api.issue(anApiKey().named("before revoke-all " + i).by(session));
        }
        Response revokedAll = api.delete(TOKENS, bearer(session.plaintext()));
        assertThat(revokedAll.json().get("revokedCount").asInt()).as("all but the caller's session: "
                + revokedAll.body()).isEqualTo(13);
        for (int i = 0; i < 10; i++) {
            assertThat(api.postJson(TOKENS, "{\"name\": \"after revoke-all " + i + "\"}",
                    bearer(session.plaintext())).status()).as("key %d", i).isEqualTo(201);
        }
        assertThat(api.postJson(TOKENS, "{\"name\": \"one too many\"}", bearer(session.plaintext())).status())
                .as("the sessions' revocations freed no key's place").isEqualTo(409);
    }

    @Test
    void theCatalogIsTheOperatorsScopesAndTheServicesOwn() {
        Api.Issued session = api.issue(aSession());
        assertThat(session.token().get("scopes").toString())
                .isEqualTo("[\"billing\",\"reports\",\"tokens:read\",\"tokens:write\"]");
        Response unknown = api.postJson(TOKENS, "{\"name\": \"n\", \"scopes\": [\"api\"]}", bearer(session.plaintext()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").get(0).get("msg").asText())
                .endsWith("billing, reports, tokens:read, tokens:write");
    }

    /**
     * A session stored as the service wrote it before scopes existed (an AccessTokenIssued of revision 1, and its
     * read-model row as migration V4 fills it): it works with the frozen defaults, minus {@code api}, which this
     * catalog no longer has; and its aggregate loads through the upcaster.
     */
    @Test
    void aTokenFromBeforeScopesKeepsItsFrozenDefaultsButNotAScopeTheCatalogDropped() throws Exception {
        PlaintextToken plaintext = PlaintextToken.generate(TokenType.SESSION, new SecureRandom());
        UUID id = UUID.randomUUID();
        String owner = "legacy-" + id;
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = issuedAt.plus(Duration.ofHours(12));
        byte[] hash = hasher.hash(plaintext).bytes();
        String revision1 = "{\"tokenId\":\"" + id + "\",\"owner\":\"" + owner + "\",\"type\":\"SESSION\","
                + "\"name\":\"session\",\"prefix\":\"" + plaintext.prefix().value() + "\",\"hash\":\""
                + Base64.getEncoder().encodeToString(hash) + "\",\"issuedAt\":\"" + issuedAt + "\",\"expiresAt\":\""
                + expiresAt + "\"}";
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, meta_data, payload,"
                        + " payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
                        + " values (nextval('domain_event_entry_seq'), ?, ?, ?, '1', 'dev.vai.token.AccessTokenIssued', ?,"
                        + " ?, 0, 'AccessToken')", UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                revision1.getBytes(StandardCharsets.UTF_8), issuedAt.toString(), id.toString());
        jdbc.update("insert into access_token_view (token_id, owner_id, token_type, name, token_prefix, token_hash,"
                        + " created_at, expires_at, scopes, issued_by_kind) values (?, ?, 'SESSION', 'session', ?, ?, ?, ?,"
                        + " 'api tokens:read tokens:write', 'unknown')", id, owner, plaintext.prefix().value(), hash,
                java.sql.Timestamp.from(issuedAt), java.sql.Timestamp.from(expiresAt));
        String token = plaintext.reveal();
        AccessTokenIssued upcast = (AccessTokenIssued) axonEvents.readEvents(id.toString()).next().getPayload();
        assertThat(upcast.scopes()).as("the event store reads revision 1 through the upcaster")
                .isEqualTo(Scopes.ofNames(java.util.List.of("api", "tokens:read", "tokens:write")));
        assertThat(upcast.issuedBy()).isEqualTo(IssuedBy.UNKNOWN);

        Response introspected = api.postJson("/internal/v1/introspect", "{\"token\": \"" + token + "\"}", api.admin());
        assertThat(introspected.json().get("scope").asText()).isEqualTo("tokens:read tokens:write");
        Response self = api.get(TOKENS + "/" + id, bearer(token));
        assertThat(self.json().get("scopes").toString()).isEqualTo("[\"tokens:read\",\"tokens:write\"]");
        Api.Issued key = api.issue(anApiKey().named("made by a legacy session").by(token));
        assertThat(key.token().get("scopes").toString()).isEqualTo("[\"tokens:read\"]");

        assertThat(api.delete(TOKENS + "/" + id, bearer(token)).status()).as("the aggregate loads").isEqualTo(204);
        assertThat(api.get(TOKENS, bearer(token)).status()).isEqualTo(401);
        assertThat(new EventStore(jdbc).eventsOf(id.toString())).extracting(EventStore.StoredEvent::type)
                .containsExactly("AccessTokenIssued", "AccessTokenRevoked");
        assertThat(jdbc.queryForObject("select payload_revision from domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = 0", String.class, id.toString())).as("stored events are never rewritten")
                .isEqualTo("1");

        // a replay publishes the old event in today's shape, under its original id
        String eventId = jdbc.queryForObject("select event_identifier from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0", String.class, id.toString());
        assertThat(api.postJson("/internal/v1/audit/replay", "{\"from\": \"" + issuedAt.minusMillis(1) + "\"}",
                api.admin()).status()).isEqualTo(202);
        JsonNode replayed = Api.JSON.readTree(TestKafka.readUntil(TestKafka.bootstrap(), TestKafka.TOPIC,
                        records -> records.stream().anyMatch(r -> r.value().contains(eventId)), Duration.ofSeconds(60))
                .stream().filter(r -> r.value().contains(eventId)).findFirst().orElseThrow().value());
        assertThat(replayed.get("id").asText()).isEqualTo(eventId);
        assertThat(replayed.get("dataschema").asText()).isEqualTo("urn:vai:audit:schema:access_token.issued.v2");
        assertThat(replayed.get("data").get("scopes").toString())
                .isEqualTo("[\"api\",\"tokens:read\",\"tokens:write\"]");
        assertThat(replayed.get("data").get("issuedBy").toString()).isEqualTo("{\"kind\":\"unknown\",\"tokenId\":null}");
    }

    @Test
    void duringARotationBothAdminKeysAreAcceptedAndNoOther() {
        String body = "{\"userId\": \"rotation\"}";
        assertThat(api.postJson("/internal/v1/sessions", body, from("198.51.100.91", api.admin())).status())
                .isEqualTo(201);
        assertThat(api.postJson("/internal/v1/sessions", body, from("198.51.100.91", "X-Admin-Key",
                PREVIOUS_ADMIN_KEY)).status()).isEqualTo(201);
        assertThat(api.postJson("/internal/v1/sessions", body, from("198.51.100.91", "X-Admin-Key",
                PREVIOUS_ADMIN_KEY + "x")).status()).isEqualTo(401);
    }
}
