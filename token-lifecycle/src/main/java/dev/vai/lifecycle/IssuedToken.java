package dev.vai.lifecycle;

import dev.vai.projection.token.TokenView;
import dev.vai.token.secret.PlaintextToken;

/** A token just issued: its plaintext, to be shown once, and the token as every later read will show it. */
public record IssuedToken(PlaintextToken plaintext, TokenView token) {
}
