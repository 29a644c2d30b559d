package dev.vai.token;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The one-way hash of a token's plaintext: what events and read models keep so that a token can be authenticated
 * and the read models rebuilt. Never printed: {@link #toString()} is redacted so that it cannot reach a log.
 */
public final class TokenHash {

    public static final int LENGTH = 32;

    private final byte[] bytes;

    private TokenHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TokenHash of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("A token hash has " + LENGTH + " bytes");
        }
        return new TokenHash(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Constant-time comparison, so that timing reveals nothing about how much of a hash matched. */
    public boolean matches(byte[] other) {
        return MessageDigest.isEqual(bytes, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenHash other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TokenHash[redacted]";
    }
}
