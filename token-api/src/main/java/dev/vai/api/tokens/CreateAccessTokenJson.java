package dev.vai.api.tokens;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The create request as the OpenAPI document describes it. The endpoint reads the body itself, strictly (see
 * {@code JsonFields}); other fields are ignored.
 */
@Schema(name = "CreateAccessTokenRequest")
record CreateAccessTokenJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255,
                description = "Trimmed; 1 to 255 Unicode code points; no control characters") String name,
        @Schema(nullable = true, minimum = "1", maximum = "3650",
                description = "Lifetime in days, up to VAI_MAX_TOKEN_LIFETIME_DAYS; null or absent: no expiry"
                        + " (or VAI_DEFAULT_TOKEN_LIFETIME_DAYS when set)") Integer expiresInDays) {
}
