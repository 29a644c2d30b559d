package dev.vai.token;

import java.util.Objects;

/** A token's human-readable name: trimmed, 1 to 255 Unicode code points, no control characters. */
public record TokenName(String value) {

    public static final int MAX_CODE_POINTS = 255;

    public TokenName {
        Objects.requireNonNull(value, "value");
        if (!value.equals(value.strip())) {
            throw new InvalidTokenName(TextRule.FORBIDDEN_CHARACTER, "The name must be trimmed");
        }
        if (TextRule.hasForbiddenCharacter(value)) {
            throw new InvalidTokenName(TextRule.FORBIDDEN_CHARACTER, "The name must not contain control characters");
        }
        if (value.isEmpty()) {
            throw new InvalidTokenName(TextRule.TOO_SHORT, "The name must have at least 1 character");
        }
        if (value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
            throw new InvalidTokenName(TextRule.TOO_LONG, "The name must have at most " + MAX_CODE_POINTS + " characters");
        }
    }

    /** Trims surrounding white space, then validates. */
    public static TokenName of(String raw) {
        Objects.requireNonNull(raw, "raw");
        return new TokenName(raw.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
