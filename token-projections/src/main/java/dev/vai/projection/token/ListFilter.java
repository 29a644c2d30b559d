package dev.vai.projection.token;

import dev.vai.token.TokenType;

/** Which of an owner's tokens a listing shows; {@code type} null means every type. */
public record ListFilter(TokenType type, boolean includeRevoked) {
}
