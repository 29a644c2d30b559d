package dev.vai.api.tokens;

import dev.vai.api.web.Timestamps;
import dev.vai.projection.token.TokenView;

/** The reference's token object. Timestamps are UTC with three fractional digits; the last three may be null. */
public record TokenJson(
        String id,
        String name,
        String tokenType,
        String tokenPrefix,
        String createdAt,
        String expiresAt,
        String lastUsedAt,
        String revokedAt) {

    public static TokenJson of(TokenView token) {
        return new TokenJson(
                token.id().toString(),
                token.name(),
                token.type().wireName(),
                token.prefix().value(),
                Timestamps.format(token.createdAt()),
                Timestamps.format(token.expiresAt()),
                Timestamps.format(token.lastUsedAt()),
                Timestamps.format(token.revokedAt()));
    }
}
