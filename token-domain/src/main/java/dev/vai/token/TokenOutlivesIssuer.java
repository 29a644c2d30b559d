package dev.vai.token;

import java.time.Instant;

/** An API key asked for a key that would outlive it; {@link #notAfter()} is the creator's own expiry. */
public class TokenOutlivesIssuer extends IllegalArgumentException {

    private final Instant notAfter;

    public TokenOutlivesIssuer(Instant notAfter) {
        super("A key created by an API key cannot outlive it; it expires at " + notAfter);
        this.notAfter = notAfter;
    }

    public Instant notAfter() {
        return notAfter;
    }
}
