package dev.vai.api.auth;

import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenType;
import java.time.Instant;

/**
 * The authenticated caller: the owner of the token that authenticated the request, and that token (its type and
 * expiry, null if it never expires).
 */
public record Caller(AccessTokenId tokenId, OwnerId owner, TokenType type, Instant expiresAt) {
}
