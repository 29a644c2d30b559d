package dev.vai.api.tokens;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.vai.projection.token.TokenView;
import dev.vai.token.Timestamps;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The reference's token object, plus its {@code scopes} (our addition). Timestamps are UTC with three fractional
 * digits; {@code expiresAt}, {@code lastUsedAt} and {@code revokedAt} may be null.
 */
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
        @Schema(format = "date-time", nullable = true, requiredMode = REQUIRED) String revokedAt,
        @ArraySchema(schema = @Schema(pattern = "^[a-z][a-z0-9_.:-]{0,63}$", requiredMode = REQUIRED),
                uniqueItems = true, arraySchema = @Schema(requiredMode = REQUIRED, description = "What the token may do, in name order: tokens:read and"
                        + " tokens:write for this API, the platform's scopes (VAI_SCOPES) for other services. A scope"
                        + " removed from VAI_SCOPES no longer shows or counts (our addition to the reference)"))
        List<String> scopes) {

    public static TokenJson of(TokenView token) {
        return new TokenJson(
                token.id().toString(),
                token.name(),
                token.type().wireName(),
                token.prefix().value(),
                Timestamps.format(token.createdAt()),
                Timestamps.format(token.expiresAt()),
                Timestamps.format(token.lastUsedAt()),
                Timestamps.format(token.revokedAt()),
                token.scopes().names());
    }
}
