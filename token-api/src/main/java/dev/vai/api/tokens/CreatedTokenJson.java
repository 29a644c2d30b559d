package dev.vai.api.tokens;

import dev.vai.lifecycle.IssuedToken;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/** The create response: the plaintext, shown here and never again, and the token. */
@Schema(name = "CreatedAccessToken")
public record CreatedTokenJson(String plaintext, TokenJson token) {

    public static CreatedTokenJson of(IssuedToken issued) {
        return new CreatedTokenJson(issued.plaintext().reveal(), TokenJson.of(issued.token()));
    }

    /**
     * 201 with the token's {@code Location}, and never cached anywhere: the body holds the plaintext
     * ({@code Cache-Control: no-store} comes with every answer of the API; {@code Pragma} is for HTTP/1.0 caches).
     */
    public static ResponseEntity<CreatedTokenJson> created(IssuedToken issued) {
        return ResponseEntity.created(URI.create(AccessTokensController.PATH + "/" + issued.token().id()))
                .header("Pragma", "no-cache")
                .body(of(issued));
    }
}
