package dev.vai.api.auth;

/** Where the token came from; the wire names are the metric label values. */
public enum CredentialKind {
    BEARER("bearer"),
    API_KEY("api_key"),
    COOKIE("cookie");

    private final String wireName;

    CredentialKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
