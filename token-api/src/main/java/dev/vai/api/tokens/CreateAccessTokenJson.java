package dev.vai.api.tokens;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The create request as the OpenAPI document describes it. The endpoint reads the body itself, strictly (see
 * {@code JsonFields}); other fields are ignored. The largest {@code expiresInDays} is set from the configuration when
 * the document is served.
 */
@Schema(name = "CreateAccessTokenRequest", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        description = "Fields other than these are ignored")
record CreateAccessTokenJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1,
                description = "Trimmed of white space, then 1 to 255 Unicode code points without control characters")
        String name,
        @Schema(nullable = true, minimum = "1", description = "Lifetime in days (the configured bounds are written in"
                + " when the document is served)") Integer expiresInDays,
        @ArraySchema(schema = @Schema(type = "string"), arraySchema = @Schema(nullable = true,
                description = "Our addition to the reference: what the key may do, each a scope the caller holds (a"
                        + " 403 names any it does not); duplicates count once; [] for a key that can only identify"
                        + " itself. Null or absent: the caller's scopes without tokens:write"))
        List<String> scopes) {
}
