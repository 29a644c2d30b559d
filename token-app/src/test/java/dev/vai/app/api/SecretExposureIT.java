package dev.vai.app.api;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Api.headers;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Api;
import dev.vai.app.support.EventStore;
import dev.vai.app.support.Scrape;
import dev.vai.app.support.ServiceIT;
import dev.vai.token.TokenHash;
import dev.vai.token.secret.PlaintextToken;
import dev.vai.token.secret.TokenHasher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Security checklist row 24: after a run that issues, uses, fails with and revokes tokens, neither the logs (the
 * request log included), the metrics nor the error bodies contain a plaintext token, its hash or the admin key; the
 * event store holds hashes, never plaintext.
 */
@ServiceIT
@ExtendWith(OutputCaptureExtension.class)
class SecretExposureIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TokenHasher hasher;

    @Test
    void noSecretReachesTheLogsTheErrorBodiesOrTheEventStore(CapturedOutput output) throws InterruptedException {
        List<String> plaintexts = new ArrayList<>();
        StringBuilder bodies = new StringBuilder();

        Issued alice = api.issue(aSession());
        plaintexts.add(alice.plaintext());
        Issued key = api.issue(anApiKey().named("exposure").by(alice));
        plaintexts.add(key.plaintext());
        api.get(TOKENS, "X-API-Key", key.plaintext());
        api.get(TOKENS, "Cookie", "vai_token=" + key.plaintext());
        api.postJson("/internal/v1/introspect", "{\"token\":\"" + key.plaintext() + "\"}", api.admin());
        String tampered = key.plaintext().substring(0, 54) + (key.plaintext().endsWith("a") ? "b" : "a");
        plaintexts.add(tampered);
        bodies.append(api.get(TOKENS, bearer(tampered)).body());
        bodies.append(api.get(TOKENS, headers(bearer(alice.plaintext()), new String[] {"X-API-Key", key.plaintext()})).body());
        bodies.append(api.get(TOKENS + "?access_token=" + key.plaintext()).body());
        bodies.append(api.postJson(TOKENS, "{\"name\": 1}", bearer(key.plaintext())).body());
        bodies.append(api.postJson("/internal/v1/sessions", "{\"userId\":\"u\"}", "X-Admin-Key", "wrong-key").body());
        api.delete(TOKENS + "/" + key.id(), bearer(alice.plaintext()));
        bodies.append(api.get(TOKENS, bearer(key.plaintext())).body());
        api.delete(TOKENS + "?exclude_current=false", bearer(alice.plaintext()));
        bodies.append(api.get(TOKENS, bearer(alice.plaintext())).body());

        List<String> forbidden = new ArrayList<>(plaintexts);
        forbidden.add(api.admin()[1]);
        for (String plaintext : plaintexts) {
            PlaintextToken.parse(plaintext).ifPresent(token -> {
                TokenHash hash = hasher.hash(token);
                forbidden.add(HexFormat.of().formatHex(hash.bytes()));
                forbidden.add(Base64.getEncoder().encodeToString(hash.bytes()));
                forbidden.add(Base64.getUrlEncoder().withoutPadding().encodeToString(hash.bytes()));
            });
        }
        awaitLogged(output, "Refused an internal API call"); // the console is written by a background thread
        assertThat(output.getAll()).contains("Revoked token " + key.id())
                .contains("GET /api/v1/access-tokens 200").contains("auth=success credential=api_key token=" + key.id())
                .contains("GET /api/v1/access-tokens 401").contains("auth=malformed")
                .contains("Refused an internal API call");
        String metrics = Scrape.of(api).text();
        for (String secret : forbidden) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(bodies.toString()).doesNotContain(secret);
            assertThat(metrics).doesNotContain(secret);
        }
        String store = new EventStore(jdbc).everything();
        assertThat(store).contains(key.id());
        for (String plaintext : plaintexts) {
            assertThat(store).doesNotContain(plaintext).doesNotContain(plaintext.substring(12));
        }
    }

    private static void awaitLogged(CapturedOutput output, String text) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> output.getAll().contains(text));
    }
}
