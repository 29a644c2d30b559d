package dev.vai.api.tokens;

import dev.vai.api.lifecycle.IssuedToken;

/** The create response: the plaintext, shown here and never again, and the token. */
public record CreatedTokenJson(String plaintext, TokenJson token) {

    public static CreatedTokenJson of(IssuedToken issued) {
        return new CreatedTokenJson(issued.plaintext().reveal(), TokenJson.of(issued.token()));
    }
}
