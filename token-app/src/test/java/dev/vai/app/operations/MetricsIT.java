package dev.vai.app.operations;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Scrape;
import dev.vai.app.support.ServiceIT;
import dev.vai.app.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** After real traffic, every metric the README lists is scraped with the expected labels, and the figures moved. */
@ServiceIT
class MetricsIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @Autowired
    Api api;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void domainMetricsMoveWithTrafficAndCarryOnlyLowCardinalityLabels() throws Exception {
        Scrape before = Scrape.of(api);

        String userId = "metrics-" + UUID.randomUUID();
        Issued session = api.issue(aSession().forUser(userId));
        Issued key = api.issue(anApiKey().named("metered").by(session));
        Issued doomed = api.issue(anApiKey().named("doomed").by(session));
        api.get(TOKENS, bearer(session.plaintext()));
        api.get(TOKENS + "/" + key.id(), bearer(session.plaintext()));
        api.get(TOKENS + "/" + UUID.randomUUID(), bearer(session.plaintext()));
        api.get(TOKENS, "X-API-Key", key.plaintext());
        api.get(TOKENS, "Cookie", "vai_token=" + key.plaintext());
        api.get(TOKENS);
        api.get(TOKENS, bearer("vai_k_garbage"));
        api.get(TOKENS, "X-API-Key", key.plaintext(), "Cookie", "vai_token=" + session.plaintext());
        api.delete(TOKENS + "/" + doomed.id(), bearer(session.plaintext()));
        api.get(TOKENS, bearer(doomed.plaintext()));
        Issued stranger = api.issue(aSession());
        api.delete(TOKENS + "?exclude_current=false", bearer(stranger.plaintext()));
        api.get(TOKENS, bearer(stranger.plaintext()));
        api.delete("/internal/v1/access-tokens/" + key.id(), api.admin());
        Issued expiring = api.issue(aSession());
        clock.set(Instant.now().plus(Duration.ofDays(1)));
        api.get(TOKENS, bearer(expiring.plaintext()));
        clock.reset();

        Scrape after = Scrape.of(api);
        assertThat(after.sum("vai_tokens_issued_total", "type=\"api_key\""))
                .isGreaterThanOrEqualTo(before.sum("vai_tokens_issued_total", "type=\"api_key\"") + 2);
        assertThat(after.sum("vai_tokens_issued_total", "type=\"session\""))
                .isGreaterThanOrEqualTo(before.sum("vai_tokens_issued_total", "type=\"session\"") + 3);
        for (String reason : List.of("owner", "revoke_all", "admin")) {
            assertThat(after.sum("vai_tokens_revoked_total", "reason=\"" + reason + "\"")).as(reason)
                    .isGreaterThan(before.sum("vai_tokens_revoked_total", "reason=\"" + reason + "\""));
        }
        String[][] attempts = {{"success", "bearer"}, {"success", "api_key"}, {"success", "cookie"},
                {"missing", "none"}, {"malformed", "bearer"}, {"conflict", "none"}, {"revoked", "bearer"},
                {"expired", "bearer"}};
        for (String[] attempt : attempts) {
            String[] labels = {"outcome=\"" + attempt[0] + "\"", "credential=\"" + attempt[1] + "\""};
            assertThat(after.sum("vai_authentications_total", labels)).as(String.join("/", attempt))
                    .isGreaterThan(before.sum("vai_authentications_total", labels));
        }
        assertThat(after.has("http_server_requests_seconds_bucket", "uri=\"/api/v1/access-tokens\"", "le=\""))
                .as("RED metrics with histogram buckets").isTrue();
        for (String status : List.of("200", "404")) {
            assertThat(after.sum("http_server_requests_seconds_count", "method=\"GET\"", "status=\"" + status + "\"",
                    "uri=\"/api/v1/access-tokens/{token_id}\"")).as("reads answered " + status)
                    .isGreaterThan(before.sum("http_server_requests_seconds_count", "method=\"GET\"",
                            "status=\"" + status + "\"", "uri=\"/api/v1/access-tokens/{token_id}\""));
        }
        assertThat(after.sum("vai_database_up")).isEqualTo(1.0);
        assertThat(after.has("event_processor_success_counter_total", "processor_name=\"token-view\"")).isTrue();
        assertThat(after.has("event_processor_success_counter_total", "processor_name=\"audit-outbox\"")).isTrue();
        assertThat(after.has("command_bus_success_timer_seconds_count", "payload_type=\"RevokeAccessToken\"")).isTrue();
        assertThat(after.names()).contains("hikaricp_connections_active", "jvm_memory_used_bytes",
                "vai_audit_export_backlog_events", "vai_audit_export_lag_seconds", "vai_tokens_active");

        String text = after.text();
        for (String secretOrIdentity : List.of(userId, session.id(), key.id(), session.plaintext(), key.plaintext(),
                key.token().get("tokenPrefix").asText())) {
            assertThat(text).as("no token, prefix or owner in a label").doesNotContain(secretOrIdentity);
        }
    }

    @Test
    void theActiveTokenGaugeFollowsIssuingAndRevoking() throws Exception {
        Issued session = api.issue(aSession());
        Thread.sleep(2_500); // the gauge is recounted every second here: the next count includes the session
        double start = Scrape.of(api).sum("vai_tokens_active");
        for (int i = 0; i < 3; i++) {
            api.issue(anApiKey().named("active " + i).by(session));
        }
        double afterIssuing = awaitGauge(api, value -> value >= start + 3);
        assertThat(afterIssuing).isGreaterThanOrEqualTo(start + 3);
        api.delete(TOKENS + "?exclude_current=false", bearer(session.plaintext()));
        assertThat(awaitGauge(api, value -> value <= afterIssuing - 4)).isLessThanOrEqualTo(afterIssuing - 4);
    }

    /**
     * The gauge once it satisfies {@code expected} (within 10 s). Waiting for the expected value, not
     * for the first change, keeps a count taken while a change was committing (or a token of another test expiring)
     * from being read as the answer.
     */
    private static double awaitGauge(Api api, DoublePredicate expected) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Scrape.of(api).sum("vai_tokens_active"), expected::test);
    }
}
