package dev.vai.token;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one access token. Axon stores aggregate identifiers through {@link #toString()}. */
public record AccessTokenId(UUID value) {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public AccessTokenId {
        Objects.requireNonNull(value, "value");
    }

    public static AccessTokenId random() {
        return new AccessTokenId(UUID.randomUUID());
    }

    /**
     * Accepts only the canonical 8-4-4-4-12 hexadecimal form (any case); {@link UUID#fromString} alone would also
     * take {@code 1-1-1-1-1} and over-long groups.
     */
    public static AccessTokenId parse(String text) {
        if (text == null || text.length() != 36 || !CANONICAL.matcher(text).matches()) {
            throw new InvalidAccessTokenId();
        }
        return new AccessTokenId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
