package dev.vai.api.tokens;

import dev.vai.api.lifecycle.IssuedToken;
import io.swagger.v3.oas.annotations.media.Schema;

/** The create response: the plaintext, shown here and never again, and the token. */
@Schema(name = "CreatedAccessToken")
public record CreatedTokenJson(String plaintext, TokenJson token) {

    public static CreatedTokenJson of(IssuedToken issued) {
        return new CreatedTokenJson(issued.plaintext().reveal(), TokenJson.of(issued.token()));
    }
}
