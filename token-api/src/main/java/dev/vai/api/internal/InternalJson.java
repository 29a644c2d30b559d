package dev.vai.api.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** The internal API's request and answer shapes, as the OpenAPI document describes them. */
final class InternalJson {

    private InternalJson() {
    }

    @Schema(name = "MintSessionRequest")
    record MintSession(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255,
                    description = "The user the login service authenticated") String userId,
            @Schema(nullable = true, description = "Default \"session\"") String name,
            @Schema(nullable = true, minimum = "1", maximum = "43200",
                    description = "Default VAI_SESSION_TTL_MINUTES (720)") Integer expiresInMinutes) {
    }

    @Schema(name = "IntrospectionRequest")
    record Introspect(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token) {
    }

    @Schema(name = "Introspection", description = "RFC 7662 in spirit: only {\"active\": false} for anything invalid")
    record Introspection(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean active,
            @Schema(format = "uuid") String tokenId,
            String userId,
            @Schema(allowableValues = {"session", "api_key"}) String tokenType,
            @Schema(format = "date-time", nullable = true) String expiresAt) {
    }

    @Schema(name = "AuditReplayRequest")
    record Replay(@Schema(nullable = true, format = "date-time",
            description = "Re-export the events since then; null: from the beginning") String from) {
    }
}
