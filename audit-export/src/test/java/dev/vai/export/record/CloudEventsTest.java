package dev.vai.export.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.vai.token.AccessTokenId;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.AccessTokenRevoked;
import dev.vai.token.IssuedBy;
import dev.vai.token.OwnerId;
import dev.vai.token.RequestContext;
import dev.vai.token.RevocationReason;
import dev.vai.token.Revoker;
import dev.vai.token.Scopes;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenName;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AccessTokenId TOKEN = AccessTokenId.parse("5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5f");
    private static final AccessTokenId CALLER = AccessTokenId.parse("0b6f6f7e-2f1a-4b8e-8a3c-1d2e3f405162");
    private static final byte[] HASH = new byte[32];
    private static final Instant ISSUED_AT = Instant.parse("2026-11-28T10:15:30.100Z");
    private static final Instant REVOKED_AT = Instant.parse("2026-11-28T11:00:00Z");
    private static final Map<String, String> CONTEXT = new RequestContext("203.0.113.7", "curl/8.5", "req-1")
            .toMetaData();

    static {
        for (int i = 0; i < HASH.length; i++) {
            HASH[i] = (byte) (i * 7 + 3);
        }
    }

    private final CloudEvents cloudEvents = new CloudEvents("urn:vai:access-tokens", "urn:vai:audit:schema:");

    private static AccessTokenIssued issued() {
        return issued(IssuedBy.token(CALLER));
    }

    private static AccessTokenIssued issued(IssuedBy issuedBy) {
        return new AccessTokenIssued(TOKEN, new OwnerId("alice"), TokenType.API_KEY, TokenName.of("ci deploy"),
                new TokenPrefix("vai_k_AbCdEf"), TokenHash.of(HASH), ISSUED_AT, null,
                Scopes.ofNames(List.of("tokens:read", "api")), issuedBy);
    }

    private static AccessTokenRevoked revoked() {
        return new AccessTokenRevoked(TOKEN, new OwnerId("alice"), Revoker.owner(CALLER), RevocationReason.REVOKE_ALL,
                REVOKED_AT, TokenType.API_KEY, TokenName.of("ci deploy"), new TokenPrefix("vai_k_AbCdEf"), ISSUED_AT,
                ISSUED_AT.plusSeconds(86_400));
    }

    /** The schema a record's {@code dataschema} names: {@code urn:vai:audit:schema:access_token.issued.v2}. */
    static JsonSchema schemaOf(JsonNode event) {
        String name = event.get("dataschema").asText().substring("urn:vai:audit:schema:".length());
        InputStream in = CloudEventsTest.class.getResourceAsStream("/audit-schemas/" + name + ".json");
        assertThat(in).as(name).isNotNull();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }

    static JsonSchema schema(String file) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(CloudEventsTest.class.getResourceAsStream("/audit-schemas/" + file + ".json"));
    }

    @Test
    void anIssuedTokenBecomesAStructuredCloudEvent() throws Exception {
        AuditRecord record = cloudEvents.of("event-1", issued(), CONTEXT).orElseThrow();
        JsonNode event = JSON.readTree(record.json());

        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo("event-1");
        assertThat(event.get("source").asText()).isEqualTo("urn:vai:access-tokens");
        assertThat(event.get("type").asText()).isEqualTo("dev.vai.access_token.issued.v1");
        assertThat(event.get("subject").asText()).isEqualTo(TOKEN.toString());
        assertThat(event.get("time").asText()).isEqualTo("2026-11-28T10:15:30.100Z");
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.get("dataschema").asText()).isEqualTo("urn:vai:audit:schema:access_token.issued.v2");
        JsonNode data = event.get("data");
        assertThat(data.get("ownerId").asText()).isEqualTo("alice");
        assertThat(data.get("expiresAt").isNull()).isTrue();
        assertThat(data.get("scopes").toString()).isEqualTo("[\"api\",\"tokens:read\"]");
        assertThat(data.get("issuedBy").toString()).isEqualTo("{\"kind\":\"token\",\"tokenId\":\"" + CALLER + "\"}");
        assertThat(data.get("request").get("clientIp").asText()).isEqualTo("203.0.113.7");
        assertThat(schemaOf(event).validate(data)).isEmpty();
        assertThat(record.tokenId()).isEqualTo(TOKEN.value());
        assertThat(record.type()).isEqualTo("issued");
    }

    @Test
    void aRevocationSaysWhatTheTokenWasWhoRevokedItAndWhy() throws Exception {
        JsonNode event = JSON.readTree(cloudEvents.of("event-2", revoked(), CONTEXT).orElseThrow().json());
        JsonNode data = event.get("data");

        assertThat(event.get("type").asText()).isEqualTo("dev.vai.access_token.revoked.v1");
        assertThat(event.get("dataschema").asText()).isEqualTo("urn:vai:audit:schema:access_token.revoked.v2");
        assertThat(event.get("time").asText()).isEqualTo("2026-11-28T11:00:00.000Z");
        assertThat(data.get("reason").asText()).isEqualTo("revoke_all");
        assertThat(data.get("revokedBy").get("kind").asText()).isEqualTo("owner");
        assertThat(data.get("revokedBy").get("tokenId").asText()).isEqualTo(CALLER.toString());
        assertThat(data.get("name").asText()).isEqualTo("ci deploy");
        assertThat(data.get("expiresAt").asText()).isEqualTo("2026-11-29T10:15:30.100Z");
        assertThat(schemaOf(event).validate(data)).isEmpty();
    }

    @Test
    void aKeyRevokedWithItsParentNamesTheParent() throws Exception {
        AccessTokenRevoked withParent = new AccessTokenRevoked(TOKEN, new OwnerId("alice"), Revoker.parent(CALLER),
                RevocationReason.PARENT_REVOKED, REVOKED_AT, TokenType.API_KEY, TokenName.of("child"),
                new TokenPrefix("vai_k_AbCdEf"), ISSUED_AT, REVOKED_AT);
        JsonNode event = JSON.readTree(cloudEvents.of("event-4", withParent, CONTEXT).orElseThrow().json());
        JsonNode data = event.get("data");
        assertThat(data.get("reason").asText()).isEqualTo("parent_revoked");
        assertThat(data.get("revokedBy").toString()).isEqualTo("{\"kind\":\"parent\",\"tokenId\":\"" + CALLER + "\"}");
        assertThat(schemaOf(event).validate(data)).isEmpty();
        assertThat(schema("access_token.revoked.v1").validate(data)).as("v1 knew no parent_revoked").isNotEmpty();
    }

    @Test
    void everyKindOfIssuerIsValidAndTheV1SchemaRefusesTheNewFields() throws Exception {
        for (IssuedBy issuedBy : List.of(IssuedBy.token(CALLER), IssuedBy.ADMIN, IssuedBy.UNKNOWN)) {
            JsonNode event = JSON.readTree(cloudEvents.of("event-5", issued(issuedBy), CONTEXT).orElseThrow().json());
            assertThat(schemaOf(event).validate(event.get("data"))).as(issuedBy.toString()).isEmpty();
            assertThat(schema("access_token.issued.v1").validate(event.get("data"))).isNotEmpty();
        }
    }

    @Test
    void anAdminRevocationWithoutRequestContextIsValidToo() throws Exception {
        AccessTokenRevoked byAdmin = new AccessTokenRevoked(TOKEN, new OwnerId("alice"), Revoker.admin(),
                RevocationReason.ADMIN, REVOKED_AT, TokenType.SESSION, TokenName.of("s"), new TokenPrefix("vai_s_AbCdEf"),
                ISSUED_AT, null);
        JsonNode data = JSON.readTree(cloudEvents.of("event-3", byAdmin, Map.of()).orElseThrow().json()).get("data");
        assertThat(data.get("revokedBy").get("tokenId").isNull()).isTrue();
        assertThat(data.get("request").get("requestId").isNull()).isTrue();
        assertThat(schema("access_token.revoked.v2").validate(data)).isEmpty();
    }

    @Test
    void theSchemasRejectWhatTheyShould() throws Exception {
        JsonNode data = JSON.readTree(cloudEvents.of("event-1", issued(), CONTEXT).orElseThrow().json()).get("data");
        ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("hash", "x");
        assertThat(schema("access_token.issued.v2").validate(data)).isNotEmpty();
    }

    @Test
    void theHashNeverLeavesTheEvent() {
        String json = cloudEvents.of("event-1", issued(), CONTEXT).orElseThrow().json();
        assertThat(json).doesNotContain(HexFormat.of().formatHex(HASH))
                .doesNotContain(Base64.getEncoder().encodeToString(HASH))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(HASH))
                .doesNotContainIgnoringCase("hash");
    }

    @Test
    void otherPayloadsAreNotAuditRecords() {
        assertThat(cloudEvents.of("x", "something else", Map.of())).isEmpty();
    }
}
