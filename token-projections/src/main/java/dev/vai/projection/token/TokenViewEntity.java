package dev.vai.projection.token;

import dev.vai.token.AccessTokenId;
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

/** One row per token: what the listing shows plus the hash that authentication looks up. */
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

    protected TokenViewEntity() {
    }

    TokenViewEntity(UUID id, String owner, TokenType type, String name, String prefix, byte[] hash,
            Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.owner = owner;
        this.type = type;
        this.name = name;
        this.prefix = prefix;
        this.hash = hash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    TokenView toView() {
        return new TokenView(new AccessTokenId(id), new OwnerId(owner), type, name, new TokenPrefix(prefix), createdAt,
                expiresAt, lastUsedAt, revokedAt);
    }
}
