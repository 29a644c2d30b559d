package dev.vai.api.tokens;

import io.swagger.v3.oas.annotations.media.Schema;

/** How many tokens a revoke-all call revoked itself. */
@Schema(name = "RevokedCount")
public record RevokedCountJson(int revokedCount) {
}
