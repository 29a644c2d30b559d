package dev.vai.token;

/** Why a token was revoked: by its owner one at a time, by its owner's revoke-all, or by the platform's admin. */
public enum RevocationReason {
    OWNER("owner"),
    REVOKE_ALL("revoke_all"),
    ADMIN("admin");

    private final String wireName;

    RevocationReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
