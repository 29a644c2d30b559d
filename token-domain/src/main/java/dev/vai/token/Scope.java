package dev.vai.token;

import java.util.Objects;

/**
 * One permission a token carries: a name of 1 to 64 characters, a lower-case letter then lower-case letters, digits
 * and {@code _ . : -}. This service defines two for its own API ({@link #TOKENS_READ}, {@link #TOKENS_WRITE}); the
 * platform's other scopes are a catalog the operator configures ({@link ScopeCatalog}).
 */
public record Scope(String name) implements Comparable<Scope> {

    public static final int MAX_LENGTH = 64;
    /** Names under this prefix are the service's own; an operator cannot define one. */
    public static final String RESERVED_PREFIX = "tokens:";
    /** List the owner's tokens and read one. */
    public static final Scope TOKENS_READ = new Scope("tokens:read");
    /** Create API keys, revoke one token, revoke all. */
    public static final Scope TOKENS_WRITE = new Scope("tokens:write");

    public Scope {
        Objects.requireNonNull(name, "name");
        if (!isValidName(name)) {
            throw new InvalidScope("A scope name is a lower-case letter followed by up to " + (MAX_LENGTH - 1)
                    + " lower-case letters, digits, '_', '.', ':' or '-'");
        }
    }

    /** {@code [a-z][a-z0-9_.:-]{0,63}}, checked without a regular expression: it runs for every stored scope read. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        char first = name.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ':'
                    || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public boolean isReserved() {
        return name.startsWith(RESERVED_PREFIX);
    }

    @Override
    public int compareTo(Scope other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
