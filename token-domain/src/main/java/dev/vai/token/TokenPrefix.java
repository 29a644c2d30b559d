package dev.vai.token;

import java.util.Objects;

/** The first 12 characters of a token: shown to its owner so they can tell their tokens apart. Not a secret. */
public record TokenPrefix(String value) {

    public static final int LENGTH = 12;

    public TokenPrefix {
        Objects.requireNonNull(value, "value");
        if (value.length() != LENGTH) {
            throw new IllegalArgumentException("A token prefix has " + LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
