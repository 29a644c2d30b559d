package dev.vai.app.audit;

import static dev.vai.app.support.Api.bearer;
import static dev.vai.app.support.Fixtures.aSession;
import static dev.vai.app.support.Fixtures.anApiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.vai.app.support.Api;
import dev.vai.app.support.Api.Issued;
import dev.vai.app.support.Scrape;
import dev.vai.app.support.ServiceIT;
import dev.vai.app.support.TestKafka;
import dev.vai.token.secret.PlaintextToken;
import dev.vai.token.secret.TokenHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What security teams consume: the records on the real topic, their format, their order, and replay. */
@ServiceIT
class AuditStreamIT {

    private static final String TOKENS = "/api/v1/access-tokens";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TokenHasher hasher;

    @Autowired
    Api api;

    @BeforeEach
    void setUp() {
    }

    /** The records about these tokens, once there are at least {@code count} of them. */
    static List<ConsumerRecord<String, String>> recordsAbout(Set<String> tokenIds, int count) {
        return TestKafka.readUntil(TestKafka.bootstrap(), TestKafka.TOPIC,
                        records -> records.stream().filter(r -> tokenIds.contains(r.key())).count() >= count,
                        Duration.ofSeconds(30))
                .stream().filter(r -> tokenIds.contains(r.key())).toList();
    }

    static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return Api.JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema a record names in {@code dataschema} ({@code urn:vai:audit:schema:access_token.issued.v2}). */
    static JsonSchema schemaOf(JsonNode event) {
        String name = event.get("dataschema").asText().substring("urn:vai:audit:schema:".length());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                AuditStreamIT.class.getResourceAsStream("/audit-schemas/" + name + ".json"));
    }

    @Test
    void issuingAndRevokingReachTheTopicAsCloudEventsKeyedByTokenId() {
        Issued alice = api.issue(aSession());
        Issued key = api.issue(anApiKey().named("audited key").by(alice));
        api.send("DELETE", TOKENS + "/" + key.id(), null, null, "Authorization", "Bearer " + alice.plaintext(),
                "User-Agent", "audit-it/1.0", "X-Request-Id", "audit-req-1");

        List<ConsumerRecord<String, String>> records = recordsAbout(Set.of(key.id()), 2);

        assertThat(records).hasSize(2);
        ConsumerRecord<String, String> issued = records.get(0);
        ConsumerRecord<String, String> revoked = records.get(1);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.key()).isEqualTo(key.id());
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json; charset=UTF-8");
        }
        JsonNode issuedEvent = json(issued);
        JsonNode revokedEvent = json(revoked);
        assertThat(issuedEvent.get("type").asText()).isEqualTo("dev.vai.access_token.issued.v1");
        assertThat(revokedEvent.get("type").asText()).isEqualTo("dev.vai.access_token.revoked.v1");
        for (JsonNode event : List.of(issuedEvent, revokedEvent)) {
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("source").asText()).isEqualTo("urn:vai:access-tokens");
            assertThat(event.get("subject").asText()).isEqualTo(key.id());
            assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(event.get("dataschema").asText()).startsWith("urn:vai:audit:schema:access_token.");
            assertThat(event.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        }
        assertThat(issuedEvent.get("time").asText()).isEqualTo(key.token().get("createdAt").asText());
        JsonNode data = revokedEvent.get("data");
        assertThat(data.get("reason").asText()).isEqualTo("owner");
        assertThat(data.get("revokedBy").get("tokenId").asText()).isEqualTo(alice.id());
        assertThat(data.get("name").asText()).isEqualTo("audited key");
        assertThat(data.get("request").get("userAgent").asText()).isEqualTo("audit-it/1.0");
        assertThat(data.get("request").get("requestId").asText()).isEqualTo("audit-req-1");
        assertThat(issuedEvent.get("dataschema").asText()).isEqualTo("urn:vai:audit:schema:access_token.issued.v2");
        assertThat(issuedEvent.get("data").get("scopes").toString()).isEqualTo("[\"api\",\"tokens:read\"]");
        assertThat(issuedEvent.get("data").get("issuedBy").toString())
                .isEqualTo("{\"kind\":\"token\",\"tokenId\":\"" + alice.id() + "\"}");
        assertThat(schemaOf(issuedEvent).validate(issuedEvent.get("data"))).isEmpty();
        assertThat(schemaOf(revokedEvent).validate(data)).isEmpty();

        List<String> storedIds = jdbc.queryForList(
                "select event_identifier from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, key.id());
        assertThat(List.of(issuedEvent.get("id").asText(), revokedEvent.get("id").asText()))
                .as("the CloudEvents id is the domain event's identifier").isEqualTo(storedIds);
    }

    @Test
    void eachTokensRecordsArriveInEventOrderAndRevokeAllSaysSoWithItsRequest() {
        Issued owner = api.issue(aSession());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(api.issue(anApiKey().named("key " + i).by(owner)).id());
        }
        api.delete(TOKENS + "?exclude_current=false", "Authorization", "Bearer " + owner.plaintext(),
                "User-Agent", "audit-it/1.0", "X-Request-Id", "audit-revoke-all");
        Set<String> all = Set.copyOf(keys);

        List<ConsumerRecord<String, String>> records = recordsAbout(all, 16);

        for (String key : keys) {
            List<JsonNode> ofKey = records.stream().filter(r -> r.key().equals(key)).map(AuditStreamIT::json).toList();
            assertThat(ofKey).extracting(event -> event.get("type").asText())
                    .containsExactly("dev.vai.access_token.issued.v1", "dev.vai.access_token.revoked.v1");
            JsonNode revoked = ofKey.get(1).get("data");
            assertThat(revoked.get("reason").asText()).isEqualTo("revoke_all");
            // revoke-all appends its events without a command: the request's context still reaches each record
            assertThat(revoked.get("request").get("requestId").asText()).isEqualTo("audit-revoke-all");
            assertThat(revoked.get("request").get("userAgent").asText()).isEqualTo("audit-it/1.0");
            assertThat(revoked.get("name").asText()).isEqualTo("key " + keys.indexOf(key));
            assertThat(records.stream().filter(r -> r.key().equals(key)).map(ConsumerRecord::partition)
                    .distinct()).as("one partition per token").hasSize(1);
        }
    }

    @Test
    void noRecordCarriesAPlaintextOrAHash() {
        Issued owner = api.issue(aSession());
        Issued key = api.issue(anApiKey().named("secret-free").by(owner));
        api.delete(TOKENS + "/" + key.id(), bearer(owner.plaintext()));

        String all = recordsAbout(Set.of(key.id(), owner.id()), 3).stream().map(ConsumerRecord::value)
                .collect(Collectors.joining("\n"));

        for (String plaintext : List.of(owner.plaintext(), key.plaintext())) {
            byte[] hash = hasher.hash(PlaintextToken.parse(plaintext).orElseThrow()).bytes();
            assertThat(all).doesNotContain(plaintext).doesNotContain(plaintext.substring(12))
                    .doesNotContain(HexFormat.of().formatHex(hash))
                    .doesNotContain(Base64.getEncoder().encodeToString(hash));
        }
        assertThat(all).doesNotContainIgnoringCase("\"hash\"");
    }

    @Test
    void theOutboxEmptiesOnceTheBrokerHasAcknowledged() throws InterruptedException {
        Issued owner = api.issue(aSession());
        recordsAbout(Set.of(owner.id()), 1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select count(*) from audit_outbox where token_id = ?::uuid",
                        Long.class, owner.id())).isZero());
    }

    @Test
    void aReplayReExportsHistoryWithTheSameIds() throws InterruptedException {
        Instant before = Instant.now().minusSeconds(1);
        Issued owner = api.issue(aSession());
        Issued key = api.issue(anApiKey().named("replayed").by(owner));
        recordsAbout(Set.of(key.id()), 1);

        Api.Response started = api.postJson("/internal/v1/audit/replay", "{\"from\": \"" + before + "\"}",
                api.admin());
        assertThat(started.status()).isEqualTo(202);
        JsonNode status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/internal/v1/audit/replay", api.admin()).json(),
                        progress -> !progress.get("running").asBoolean());
        assertThat(status.get("error").isNull()).isTrue();
        assertThat(status.get("queued").asLong()).isGreaterThanOrEqualTo(2);

        List<ConsumerRecord<String, String>> records = recordsAbout(Set.of(key.id()), 2);
        assertThat(records).hasSize(2);
        assertThat(json(records.get(0)).get("id").asText()).isEqualTo(json(records.get(1)).get("id").asText());
    }

    @Test
    void aReplayRequestIsValidated() {
        Api.Response invalid = api.postJson("/internal/v1/audit/replay", "{\"from\": \"yesterday\"}", api.admin());
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"from\"]");
        assertThat(api.postJson("/internal/v1/audit/replay", "{}").status()).isEqualTo(401);
    }

    @Test
    void theExportersMetricsMove() {
        double before = exported("revoked");
        Issued owner = api.issue(aSession());
        api.delete(TOKENS + "?exclude_current=false", bearer(owner.plaintext()));
        recordsAbout(Set.of(owner.id()), 2);
        String metrics = api.get("/actuator/prometheus").body();
        assertThat(exported("revoked")).isGreaterThan(before);
        assertThat(metrics).contains("vai_audit_export_send_seconds_bucket")
                .contains("vai_audit_export_backlog_events")
                .contains("vai_audit_export_lag_seconds")
                .contains("vai_audit_export_last_success_timestamp_seconds");
    }

    private double exported(String type) {
        return Scrape.of(api).sum("vai_audit_export_events_total", "result=\"success\"", "type=\"" + type + "\"");
    }
}
