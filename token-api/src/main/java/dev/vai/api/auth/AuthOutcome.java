package dev.vai.api.auth;

/** How an authentication attempt ended; the wire names are the metric label values. */
public enum AuthOutcome {
    SUCCESS("success"),
    MISSING("missing"),
    MALFORMED("malformed"),
    UNKNOWN("unknown"),
    REVOKED("revoked"),
    EXPIRED("expired"),
    CONFLICT("conflict"),
    /** A failure from a client that has failed too often this minute: answered 429 instead. */
    THROTTLED("throttled");

    private final String wireName;

    AuthOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
