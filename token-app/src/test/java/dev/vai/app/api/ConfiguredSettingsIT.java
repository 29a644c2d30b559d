package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Api.headers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Response;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.ServiceIT;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The settings change what they say: VAI_DEFAULT_TOKEN_LIFETIME_DAYS, VAI_MAX_TOKEN_LIFETIME_DAYS,
 * VAI_SESSION_TTL_MINUTES, VAI_TRUSTED_PROXIES.
 */
@ServiceIT
@TestPropertySource(properties = {"vai.default-token-lifetime-days=7", "vai.max-token-lifetime-days=30",
        "vai.session-ttl-minutes=60", "vai.trusted-proxies=127.0.0.1"})
class ConfiguredSettingsIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

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
}
