package dev.vai.export.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.export.record.CloudEvents;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTailTest {

    private static final AccessTokenId TOKEN = AccessTokenId.parse("5f0c6c1e-8d36-4c52-9a43-0f3b1c2d4e5f");
    private static final AccessTokenId PARENT = AccessTokenId.parse("0b6f6f7e-2f1a-4b8e-8a3c-1d2e3f405162");
    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.100Z");
    private final CloudEvents cloudEvents = new CloudEvents("urn:vai:access-tokens", "urn:vai:audit:schema:");

    private String line(Object event) {
        return AuditTail.line(cloudEvents.of("event-1", event, new RequestContext("203.0.113.7", null, "req-1")
                .toMetaData()).orElseThrow().json());
    }

    @Test
    void anIssueShowsItsScopesAndWhoIssuedIt() {
        String line = line(new AccessTokenIssued(TOKEN, new OwnerId("alice"), TokenType.API_KEY,
                TokenName.of("ci"), new TokenPrefix("vai_k_AbCdEf"), TokenHash.of(new byte[32]), AT, null,
                Scopes.ofNames(List.of("tokens:read", "api")), IssuedBy.token(PARENT)));
        assertThat(line).isEqualTo("2026-11-28T10:15:30.100Z  issued  token=" + TOKEN + " owner=alice type=api_key"
                + " prefix=vai_k_AbCdEf expires=never scopes=api,tokens:read by=token:" + PARENT
                + " ip=203.0.113.7 request=req-1  id=event-1");
    }

    @Test
    void aKeyRevokedWithItsParentNamesIt() {
        String line = line(new AccessTokenRevoked(TOKEN, new OwnerId("alice"), Revoker.parent(PARENT),
                RevocationReason.PARENT_REVOKED, AT, TokenType.API_KEY, TokenName.of("ci"),
                new TokenPrefix("vai_k_AbCdEf"), AT, null));
        assertThat(line).contains("revoked  token=" + TOKEN).contains("reason=parent_revoked by=parent:" + PARENT);
    }

    @Test
    void aKeyWithNoScopeSaysSo() {
        String line = line(new AccessTokenIssued(TOKEN, new OwnerId("alice"), TokenType.API_KEY, TokenName.of("ci"),
                new TokenPrefix("vai_k_AbCdEf"), TokenHash.of(new byte[32]), AT, AT, Scopes.NONE, IssuedBy.ADMIN));
        assertThat(line).contains("scopes=none by=admin ip=");
    }
}
