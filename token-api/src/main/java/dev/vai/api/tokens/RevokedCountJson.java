package dev.vai.api.tokens;

/** How many tokens a revoke-all call revoked itself. */
public record RevokedCountJson(int revokedCount) {
}
