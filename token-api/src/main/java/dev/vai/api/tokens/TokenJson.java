package dev.vai.api.tokens;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.vai.api.web.Timestamps;
import dev.vai.projection.token.TokenView;
import io.swagger.v3.oas.annotations.media.Schema;

/** The reference's token object. Timestamps are UTC with three fractional digits; the last three may be null. */
@Schema(name = "AccessToken")
public record TokenJson(
        @Schema(format = "uuid", requiredMode = REQUIRED) String id,
        @Schema(requiredMode = REQUIRED) String name,
        @Schema(allowableValues = {"session", "api_key"}, requiredMode = REQUIRED) String tokenType,
        @Schema(description = "The first 12 characters of the token", requiredMode = REQUIRED) String tokenPrefix,
        @Schema(format = "date-time", example = "2026-11-28T10:15:30.123Z", requiredMode = REQUIRED) String createdAt,
        @Schema(format = "date-time", nullable = true, requiredMode = REQUIRED) String expiresAt,
        @Schema(format = "date-time", nullable = true, requiredMode = REQUIRED,
                description = "Set within a second of the first use; later uses move it at most once a minute")
        String lastUsedAt,
        @Schema(format = "date-time", nullable = true, requiredMode = REQUIRED) String revokedAt) {

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
