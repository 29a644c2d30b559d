package dev.vai.api.internal;

import dev.vai.api.web.ApiSettings;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The internal API's request and answer shapes, as the OpenAPI document describes them. */
final class InternalJson {

    private InternalJson() {
    }

    @Schema(name = "MintSessionRequest", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record MintSession(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255,
                    description = "The user the login service authenticated") String userId,
            @Schema(nullable = true, description = "Default \"session\"") String name,
            @Schema(nullable = true, minimum = "1", maximum = "" + ApiSettings.MAX_SESSION_MINUTES,
                    description = "Default VAI_SESSION_TTL_MINUTES (720)") Integer expiresInMinutes,
            @ArraySchema(schema = @Schema(type = "string"), arraySchema = @Schema(nullable = true,
                    description = "What the session may do, each a scope of the catalog (VAI_SCOPES, tokens:read,"
                            + " tokens:write); duplicates count once. Null or absent: all of them")) List<String> scopes) {
    }

    @Schema(name = "IntrospectionRequest", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record Introspect(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token) {
    }

    @Schema(name = "Introspection", description = "RFC 7662 in spirit: only {\"active\": false} for anything invalid")
    record Introspection(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean active,
            @Schema(format = "uuid") String tokenId,
            String userId,
            @Schema(allowableValues = {"session", "api_key"}) String tokenType,
            @Schema(format = "date-time", nullable = true) String expiresAt,
            @Schema(description = "The token's scopes separated by single spaces (RFC 7662), only those the"
                    + " catalog still has") String scope) {
    }

    @Schema(name = "AuditReplayRequest", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record Replay(@Schema(nullable = true, format = "date-time",
            description = "Re-export the events since then; null: from the beginning") String from) {
    }

    @Schema(name = "AuditReplayStatus")
    record ReplayStatus(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean running,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, format = "date-time",
                    description = "Null: from the beginning") String from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Records queued so far") long queued,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, format = "date-time")
            String startedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, format = "date-time")
            String finishedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true,
                    description = "Why the last replay stopped early") String error) {
    }
}
