package dev.vai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vai.token.AccessTokenId;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.IssuedBy;
import dev.vai.token.Scopes;
import dev.vai.token.TokenType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/**
 * Stored {@code AccessTokenIssued} events of revision 1, byte for byte as the service wrote them before scopes
 * existed, read through the serializer and the upcaster as the event store reads them.
 */
class AccessTokenIssuedUpcasterTest {

    private static final String TOKEN = "5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5f";
    private static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private static final EventUpcasterChain CHAIN = new EventUpcasterChain(new AccessTokenIssuedUpcaster());

    /** What revision 1 looked like in {@code domain_event_entry.payload}. */
    private static String revision1(String type, String expiresAt) {
        return "{\"tokenId\":\"" + TOKEN + "\",\"owner\":\"alice\",\"type\":\"" + type + "\",\"name\":\"ci deploy\","
                + "\"prefix\":\"vai_k_AbCdEf\",\"hash\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\","
                + "\"issuedAt\":\"2026-11-28T10:15:30.123Z\",\"expiresAt\":" + expiresAt + "}";
    }

    private static AccessTokenIssued read(String payload, String revision) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("AccessToken", TOKEN, 0,
                "event-1", "2026-11-28T10:15:30.123Z", AccessTokenIssued.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        DomainEventMessage<?> event = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), SERIALIZER,
                CHAIN).next();
        return (AccessTokenIssued) event.getPayload();
    }

    @Test
    void anApiKeyOfRevisionOneReadsWithTheFrozenDefaultsAndKeepsItsNoExpiry() {
        AccessTokenIssued issued = read(revision1("API_KEY", "null"), "1");
        assertThat(issued.tokenId()).isEqualTo(AccessTokenId.parse(TOKEN));
        assertThat(issued.type()).isEqualTo(TokenType.API_KEY);
        assertThat(issued.expiresAt()).as("a never-expiring key stays so").isNull();
        assertThat(issued.scopes()).isEqualTo(Scopes.ofNames(List.of("api", "tokens:read")));
        assertThat(issued.issuedBy()).isEqualTo(IssuedBy.UNKNOWN);
    }

    @Test
    void aSessionOfRevisionOneHeldEverythingItCouldThen() {
        AccessTokenIssued issued = read(revision1("SESSION", "\"2026-11-28T22:15:30.123Z\""), "1");
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-28T22:15:30.123Z"));
        assertThat(issued.scopes()).isEqualTo(Scopes.ofNames(List.of("api", "tokens:read", "tokens:write")));
        assertThat(issued.issuedBy()).isEqualTo(IssuedBy.UNKNOWN);
    }

    @Test
    void revisionTwoIsReadAsWritten() {
        String payload = revision1("API_KEY", "null").replace("}", ",\"scopes\":[\"billing\"],\"issuedBy\":"
                + "{\"kind\":\"token\",\"tokenId\":\"0b6f6f7e-2f1a-4b8e-8a3c-1d2e3f405162\"}}");
        AccessTokenIssued issued = read(payload, "2");
        assertThat(issued.scopes()).isEqualTo(Scopes.ofNames(List.of("billing")));
        assertThat(issued.issuedBy()).isEqualTo(IssuedBy.token(AccessTokenId.parse("0b6f6f7e-2f1a-4b8e-8a3c-1d2e3f405162")));
    }

    @Test
    void whatTheServiceWritesTodayIsRevisionTwoAndReadsBackEqual() {
        AccessTokenIssued upcast = read(revision1("API_KEY", "null"), "1");
        var serialized = SERIALIZER.serialize(upcast, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");
        assertThat(read(new String(serialized.getData(), StandardCharsets.UTF_8), "2")).isEqualTo(upcast);
    }

    @Test
    void aRevisionOneEventOfAnUnknownTypeIsNotGivenDefaults() {
        assertThatThrownBy(() -> read(revision1("ROBOT", "null"), "1")).hasStackTraceContaining("unknown type");
    }
}
