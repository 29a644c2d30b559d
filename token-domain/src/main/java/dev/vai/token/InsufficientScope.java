package dev.vai.token;

/** The caller lacks scopes that what it asked for needs (to act, or to grant them to a new token). */
public class InsufficientScope extends RuntimeException {

    private final Scopes missing;

    public InsufficientScope(Scopes missing) {
        super("Insufficient scope: missing " + missing);
        this.missing = missing;
    }

    public Scopes missing() {
        return missing;
    }
}
