package dev.vai.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vai.token.AccessTokenIssued;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads stored {@code AccessTokenIssued} revision 1 (before scopes and lineage) as revision 2. The defaults are
 * literals, frozen here for good: they say what such a token could do when it was issued and must never follow
 * today's configuration. A session held {@code api tokens:read tokens:write}, an API key {@code api tokens:read};
 * who issued either is unknown. The same literals fill the read model in migration {@code V4}. The stored events
 * themselves are never rewritten.
 */
@Component
class AccessTokenIssuedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(AccessTokenIssued.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(AccessTokenIssued.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, AccessTokenIssuedUpcaster::toRevision2);
    }

    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode payload = revision1.deepCopy();
        String type = payload.path("type").asText();
        switch (type) {
            case "SESSION" -> payload.putArray("scopes").add("api").add("tokens:read").add("tokens:write");
            case "API_KEY" -> payload.putArray("scopes").add("api").add("tokens:read");
            default -> throw new IllegalStateException("AccessTokenIssued revision 1 with an unknown type: " + type);
        }
        payload.putObject("issuedBy").put("kind", "unknown").putNull("tokenId");
        return payload;
    }
}
