package dev.vai.lifecycle;

/**
 * The API key asking for a key was revoked or expired between its authentication and the creation: the creation is
 * refused as if the key had failed to authenticate, since it would have a moment later.
 */
public class IssuerNoLongerActive extends RuntimeException {

    public IssuerNoLongerActive() {
        super("Invalid, expired or revoked token", null, false, false);
    }
}
