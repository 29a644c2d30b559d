package dev.vai.token;

/** A revocation for a parent's revocation ({@code parent_revoked}) named a token that did not issue this one. */
public class NotItsParent extends IllegalArgumentException {

    public NotItsParent(AccessTokenId tokenId, AccessTokenId named) {
        super("Token " + named + " did not issue token " + tokenId);
    }
}
