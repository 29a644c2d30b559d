package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
import dev.vai.token.AccessTokenIssued;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One row per token: what the listing shows plus the hash that authentication looks up, the scopes as stored
 * (names separated by single spaces) and the token that issued it, if any (lineage revocation walks it).
 */
@Entity
@Table(name = "access_token_view")
class TokenViewEntity {

    @Id
    @Column(name = "token_id")
    private UUID id;

    @Column(name = "owner_id", nullable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "token_type", nullable = false)
    private TokenType type;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_prefix", nullable = false)
    private String prefix;

    @Column(name = "token_hash", nullable = false)
    private byte[] hash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "issued_by_kind", nullable = false)
    private String issuedByKind;

    @Column(name = "issued_by_token_id")
    private UUID issuedByTokenId;

    protected TokenViewEntity() {
    }

    static TokenViewEntity of(AccessTokenIssued event) {
        TokenViewEntity row = new TokenViewEntity();
        row.id = event.tokenId().value();
        row.owner = event.owner().value();
        row.type = event.type();
        row.name = event.name().value();
        row.prefix = event.prefix().value();
        row.hash = event.hash().bytes();
        row.createdAt = event.issuedAt();
        row.expiresAt = event.expiresAt();
        row.scopes = event.scopes().toString();
        row.issuedByKind = event.issuedBy().kind().wireName();
        row.issuedByTokenId = event.issuedBy().tokenId() == null ? null : event.issuedBy().tokenId().value();
        return row;
    }

    TokenView toView(TokenRows rows) {
        return new TokenView(new AccessTokenId(id), new OwnerId(owner), type, name, new TokenPrefix(prefix), createdAt,
                expiresAt, lastUsedAt, revokedAt, rows.scopes(scopes));
    }
}
