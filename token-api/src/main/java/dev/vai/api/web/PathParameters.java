package dev.vai.api.web;

import dev.vai.token.AccessTokenId;
import dev.vai.token.InvalidAccessTokenId;
import dev.vai.token.InvalidOwnerId;
import dev.vai.token.OwnerId;

/** Path variables parsed into value objects, or a 422 under {@code ["path", <name>]}. */
public final class PathParameters {

    /** The name of the path variable every route that names one token uses. */
    public static final String TOKEN_ID = "token_id";

    private PathParameters() {
    }

    public static AccessTokenId tokenId(String name, String text) {
        try {
            return AccessTokenId.parse(text);
        } catch (InvalidAccessTokenId e) {
            throw new RequestValidationException(ValidationError.path(name, e.getMessage(), ValidationError.UUID_PARSING));
        }
    }

    public static OwnerId ownerId(String name, String text) {
        try {
            return new OwnerId(text);
        } catch (InvalidOwnerId e) {
            throw new RequestValidationException(
                    ValidationError.path(name, e.getMessage(), ValidationError.typeOf(e.rule())));
        }
    }
}
