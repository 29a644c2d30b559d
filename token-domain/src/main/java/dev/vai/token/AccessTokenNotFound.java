package dev.vai.token;

/** No token with this id belongs to the owner who asked (or none exists at all: callers cannot tell). */
public class AccessTokenNotFound extends RuntimeException {

    public AccessTokenNotFound(AccessTokenId tokenId) {
        super("Access token " + tokenId + " not found");
    }
}
