package dev.vai.export.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.AccessTokenRevoked;
import dev.vai.token.RequestContext;
import dev.vai.token.Timestamps;
import dev.vai.token.TokenName;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a domain event and its metadata into a CloudEvents 1.0 record in structured JSON mode. The {@code id} is the
 * domain event's identifier, so a record sent twice carries the same id. {@code data} follows the JSON Schemas in
 * {@code audit-schemas/}; it never holds the token's plaintext or hash.
 *
 * <p>Versions: {@code type} names what happened and changes only when a field is removed or renamed;
 * {@code dataschema} names the shape of {@code data} and gets a new version whenever a field is added. A replay
 * publishes old events in the current shape, under their original ids.
 */
public final class CloudEvents {

    public static final String ISSUED = "issued";
    public static final String REVOKED = "revoked";
    public static final String TYPE_PREFIX = "dev.vai.access_token.";
    /** The version in {@code type}: what happened, and the fields consumers may rely on. */
    public static final String TYPE_VERSION = ".v1";
    /** The version in {@code dataschema}: v2 added the issuer and the scopes, and the lineage revocation. */
    public static final String SCHEMA_VERSION = ".v2";

    private final ObjectMapper json = new ObjectMapper();
    private final String source;
    private final String schemaBase;

    public CloudEvents(String source, String schemaBase) {
        this.source = source;
        this.schemaBase = schemaBase;
    }

    /** The record for a token event; empty for any other payload. */
    public Optional<AuditRecord> of(String eventId, Object payload, Map<String, ?> metaData) {
        RequestContext request = RequestContext.fromMetaData(metaData);
        if (payload instanceof AccessTokenIssued issued) {
            ObjectNode data = token(issued.tokenId().toString(), issued.owner().value(), issued.type(), issued.name(),
                    issued.prefix(), issued.issuedAt(), issued.expiresAt());
            issued.scopes().names().forEach(data.putArray("scopes")::add);
            ObjectNode by = data.putObject("issuedBy");
            by.put("kind", issued.issuedBy().kind().wireName());
            by.put("tokenId", issued.issuedBy().tokenId() == null ? null : issued.issuedBy().tokenId().toString());
            data.set("request", request(request));
            return Optional.of(record(eventId, ISSUED, issued.tokenId().value(), issued.issuedAt(), data));
        }
        if (payload instanceof AccessTokenRevoked revoked) {
            ObjectNode data = token(revoked.tokenId().toString(), revoked.owner().value(), revoked.type(),
                    revoked.name(), revoked.prefix(), revoked.issuedAt(), revoked.expiresAt());
            data.put("revokedAt", time(revoked.revokedAt()));
            ObjectNode by = data.putObject("revokedBy");
            by.put("kind", revoked.revokedBy().kind().wireName());
            by.put("tokenId", revoked.revokedBy().viaToken() == null ? null : revoked.revokedBy().viaToken().toString());
            data.put("reason", revoked.reason().wireName());
            data.set("request", request(request));
            return Optional.of(record(eventId, REVOKED, revoked.tokenId().value(), revoked.revokedAt(), data));
        }
        return Optional.empty();
    }

    private ObjectNode token(String tokenId, String owner, TokenType type, TokenName name, TokenPrefix prefix,
            Instant createdAt, Instant expiresAt) {
        ObjectNode data = json.createObjectNode();
        data.put("tokenId", tokenId);
        data.put("ownerId", owner);
        // null only for a revocation recorded before the event carried the token's details (revision 1)
        data.put("tokenType", type == null ? null : type.wireName());
        data.put("name", name == null ? null : name.value());
        data.put("tokenPrefix", prefix == null ? null : prefix.value());
        data.put("createdAt", time(createdAt));
        data.put("expiresAt", time(expiresAt));
        return data;
    }

    private ObjectNode request(RequestContext context) {
        ObjectNode request = json.createObjectNode();
        request.put("clientIp", context.clientIp());
        request.put("userAgent", context.userAgent());
        request.put("requestId", context.requestId());
        return request;
    }

    private AuditRecord record(String eventId, String type, UUID tokenId, Instant time, ObjectNode data) {
        String fullType = TYPE_PREFIX + type + TYPE_VERSION;
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", source);
        event.put("type", fullType);
        event.put("subject", tokenId.toString());
        event.put("time", time(time));
        event.put("datacontenttype", "application/json");
        event.put("dataschema", schemaBase + "access_token." + type + SCHEMA_VERSION);
        event.set("data", data);
        try {
            return new AuditRecord(eventId, tokenId, type, time, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an audit record", e);
        }
    }

    private static String time(Instant instant) {
        return Timestamps.format(instant);
    }
}
