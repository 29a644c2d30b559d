package dev.vai.token;

import java.util.Objects;

/**
 * Who revoked a token: its owner, acting through the token that authenticated the request ({@code viaToken}), or the
 * platform's admin ({@code viaToken} is null).
 */
public record Revoker(Kind kind, AccessTokenId viaToken) {

    public enum Kind { OWNER, ADMIN }

    public Revoker {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.OWNER) != (viaToken != null)) {
            throw new IllegalArgumentException("An owner revokes through a token; the admin through none");
        }
    }

    public static Revoker owner(AccessTokenId viaToken) {
        return new Revoker(Kind.OWNER, Objects.requireNonNull(viaToken, "viaToken"));
    }

    public static Revoker admin() {
        return new Revoker(Kind.ADMIN, null);
    }

    public boolean isAdmin() {
        return kind == Kind.ADMIN;
    }
}
