package dev.vai.token;

import java.util.Objects;

/**
 * Who a token was issued by: another token ({@code tokenId}, its parent in the lineage), the platform's admin (the
 * internal API), or nobody knows (tokens issued before this was recorded).
 */
public record IssuedBy(Kind kind, AccessTokenId tokenId) {

    public static final IssuedBy ADMIN = new IssuedBy(Kind.ADMIN, null);
    public static final IssuedBy UNKNOWN = new IssuedBy(Kind.UNKNOWN, null);

    public enum Kind {
        TOKEN("token"),
        ADMIN("admin"),
        UNKNOWN("unknown");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Kind fromWireName(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Not an issuer kind: " + name);
        }
    }

    public IssuedBy {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TOKEN) != (tokenId != null)) {
            throw new IllegalArgumentException("A token issues through its id; the admin and the unknown through none");
        }
    }

    public static IssuedBy token(AccessTokenId tokenId) {
        return new IssuedBy(Kind.TOKEN, Objects.requireNonNull(tokenId, "tokenId"));
    }
}
