package dev.vai.token;

/**
 * Why a token was revoked: by its owner one at a time, by its owner's revoke-all, by the platform's admin, or with
 * the token that issued it ({@code parent_revoked}: lineage revocation).
 */
public enum RevocationReason {
    OWNER("owner"),
    REVOKE_ALL("revoke_all"),
    ADMIN("admin"),
    PARENT_REVOKED("parent_revoked");

    private final String wireName;

    RevocationReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
