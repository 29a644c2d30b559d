package dev.vai.projection.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.token.AccessTokenId;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.IssuedBy;
import dev.vai.token.OwnerId;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.Scopes;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenName;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The projection's mapping: an issued event becomes the row, and the row the view the API shows. */
class TokenViewEntityTest {

    private static final Instant ISSUED = Instant.parse("2026-11-28T10:15:30.123Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-28T10:15:30.123Z");

    private static AccessTokenIssued anApiKeyIssued(Scopes scopes) {
        return new AccessTokenIssued(AccessTokenId.random(), new OwnerId("alice"), TokenType.API_KEY,
                TokenName.of("ci deploys"), new TokenPrefix("vai_k_Ab3dE9"), TokenHash.of(new byte[TokenHash.LENGTH]),
                ISSUED, EXPIRES, scopes, IssuedBy.token(AccessTokenId.random()));
    }

    @Test
    void anIssuedKeyBecomesARowThatShowsWhatTheEventSaid() {
        AccessTokenIssued event = anApiKeyIssued(Scopes.parse("api tokens:read"));
        TokenView view = TokenViewEntity.of(event).toView(new TokenRows(ScopeCatalog.of(List.of("api"))));

        assertThat(view.id()).isEqualTo(event.tokenId());
        assertThat(view.owner()).isEqualTo(event.owner());
        assertThat(view.type()).isEqualTo(TokenType.API_KEY);
        assertThat(view.name()).isEqualTo("ci deploys");
        assertThat(view.prefix()).isEqualTo(event.prefix());
        assertThat(view.createdAt()).isEqualTo(ISSUED);
        assertThat(view.expiresAt()).isEqualTo(EXPIRES);
        assertThat(view.lastUsedAt()).as("never used yet").isNull();
        assertThat(view.revokedAt()).isNull();
        assertThat(view.scopes()).isEqualTo(Scopes.parse("api tokens:read"));
    }

    @Test
    void aScopeTheCatalogNoLongerHasStopsCountingInTheView() {
        AccessTokenIssued event = anApiKeyIssued(Scopes.parse("api billing tokens:read"));
        TokenView view = TokenViewEntity.of(event).toView(new TokenRows(ScopeCatalog.of(List.of("api"))));
        assertThat(view.scopes()).isEqualTo(Scopes.parse("api tokens:read"));
    }
}
