package dev.vai.token;

import java.util.Objects;

/**
 * The user or service a token belongs to, as the platform's login service names it. Opaque to us: up to 255
 * characters, no control characters, not blank.
 */
public record OwnerId(String value) {

    public static final int MAX_LENGTH = 255;

    public OwnerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new InvalidOwnerId(TextRule.TOO_SHORT, "The user id must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidOwnerId(TextRule.TOO_LONG, "The user id must have at most " + MAX_LENGTH + " characters");
        }
        if (TextRule.hasForbiddenCharacter(value)) {
            throw new InvalidOwnerId(TextRule.FORBIDDEN_CHARACTER, "The user id must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
