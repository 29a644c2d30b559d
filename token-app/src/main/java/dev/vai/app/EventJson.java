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
import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenName;
import dev.vai.token.TokenPrefix;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;

/**
 * The event store's own JSON: independent of the REST layer's {@code ObjectMapper}, so that tuning one never changes
 * the stored format of the other. Value objects are stored as their plain value ({@code "tokenId": "5f0c..."}), the
 * hash as base64, instants as ISO-8601.
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
