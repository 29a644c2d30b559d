package dev.vai.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vai.token.AccessTokenId;
import dev.vai.token.IssuedBy;
import dev.vai.token.OwnerId;
import dev.vai.token.Scopes;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenName;
import dev.vai.token.TokenPrefix;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The event store's own JSON: independent of the REST layer's {@code ObjectMapper}, so that tuning one never changes
 * the stored format of the other. Value objects are stored as their plain value ({@code "tokenId": "5f0c..."}), the
 * hash as base64, instants as ISO-8601, scopes as an array of names in order ({@code ["api", "tokens:read"]}), the
 * issuer as {@code {"kind": "token", "tokenId": "5f0c..."}} with the kind's wire name.
 */
final class EventJson {

    private EventJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule values = new SimpleModule("vai-value-objects");
        value(values, AccessTokenId.class, AccessTokenId::toString, text -> new AccessTokenId(UUID.fromString(text)));
        value(values, OwnerId.class, OwnerId::value, OwnerId::new);
        value(values, TokenName.class, TokenName::value, TokenName::new);
        value(values, TokenPrefix.class, TokenPrefix::value, TokenPrefix::new);
        value(values, TokenHash.class, hash -> Base64.getEncoder().encodeToString(hash.bytes()),
                text -> TokenHash.of(Base64.getDecoder().decode(text)));
        values.addSerializer(Scopes.class, new JsonSerializer<>() {
            @Override
            public void serialize(Scopes scopes, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeStartArray();
                for (String name : scopes.names()) {
                    generator.writeString(name);
                }
                generator.writeEndArray();
            }
        });
        values.addDeserializer(Scopes.class, new JsonDeserializer<>() {
            @Override
            public Scopes deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return Scopes.ofNames(List.of(parser.readValueAs(String[].class)));
            }
        });
        values.addSerializer(IssuedBy.class, new JsonSerializer<>() {
            @Override
            public void serialize(IssuedBy issuedBy, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeStartObject();
                generator.writeStringField("kind", issuedBy.kind().wireName());
                generator.writeStringField("tokenId", issuedBy.tokenId() == null ? null : issuedBy.tokenId().toString());
                generator.writeEndObject();
            }
        });
        values.addDeserializer(IssuedBy.class, new JsonDeserializer<>() {
            @Override
            public IssuedBy deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonNode node = parser.readValueAsTree();
                JsonNode tokenId = node.get("tokenId");
                return new IssuedBy(IssuedBy.Kind.fromWireName(node.path("kind").asText()),
                        tokenId == null || tokenId.isNull() ? null : new AccessTokenId(UUID.fromString(tokenId.asText())));
            }
        });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(values)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static <T> void value(SimpleModule module, Class<T> type, Function<T, String> write,
            Function<String, T> read) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return read.apply(parser.getValueAsString());
            }
        });
    }
}
