package dev.vai.token;

import java.util.Objects;

/**
 * Who revoked a token: its owner, acting through the token that authenticated the request ({@code viaToken}); the
 * platform's admin ({@code viaToken} is null); or its parent, the token that issued it, revoked just before it
 * ({@code viaToken} is the parent).
 */
public record Revoker(Kind kind, AccessTokenId viaToken) {

    public enum Kind {
        OWNER("owner"),
        ADMIN("admin"),
        PARENT("parent");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public Revoker {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ADMIN) == (viaToken != null)) {
            throw new IllegalArgumentException("An owner revokes through a token and a parent is one; the admin is none");
        }
    }

    public static Revoker owner(AccessTokenId viaToken) {
        return new Revoker(Kind.OWNER, Objects.requireNonNull(viaToken, "viaToken"));
    }

    public static Revoker admin() {
        return new Revoker(Kind.ADMIN, null);
    }

    public static Revoker parent(AccessTokenId parent) {
        return new Revoker(Kind.PARENT, Objects.requireNonNull(parent, "parent"));
    }

    public boolean isAdmin() {
        return kind == Kind.ADMIN;
    }
}
