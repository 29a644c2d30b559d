package dev.vai.token.secret;

import dev.vai.token.TokenPrefix;
import dev.vai.token.TokenType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A token's plaintext: {@code vai_} + a type letter ({@code s} session, {@code k} api_key) + {@code _} + 43 base62
 * characters from {@code SecureRandom} (256 bits) + 6 base62 characters encoding the CRC32 of everything before
 * them. 55 characters in all; the first 12 are the {@link TokenPrefix}.
 *
 * <p>{@link #toString()} is redacted so that a token cannot reach a log by accident; {@link #reveal()} is the one
 * way out, for the create response.
 */
public final class PlaintextToken {

    public static final int LENGTH = 55;
    static final int RANDOM_LENGTH = 43;
    static final int CHECKSUM_LENGTH = 6;
    private static final int BODY_LENGTH = LENGTH - CHECKSUM_LENGTH;
    private static final String MARKER = "vai_";

    private final String value;
    private final TokenType type;

    private PlaintextToken(String value, TokenType type) {
        this.value = value;
        this.type = type;
    }

    public static PlaintextToken generate(TokenType type, SecureRandom random) {
        char[] chars = new char[LENGTH];
        MARKER.getChars(0, MARKER.length(), chars, 0);
        chars[4] = type.letter();
        chars[5] = '_';
        Base62.fill(random, chars, 6, BODY_LENGTH);
        Base62.encode(crc32(chars), CHECKSUM_LENGTH, chars, BODY_LENGTH);
        return new PlaintextToken(new String(chars), type);
    }

    /**
     * The token if {@code candidate} has the format and a correct checksum; empty otherwise. Pure computation: a
     * mistyped or forged token costs no I/O.
     */
    public static Optional<PlaintextToken> parse(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(MARKER)
                || candidate.charAt(5) != '_') {
            return Optional.empty();
        }
        Optional<TokenType> type = TokenType.fromLetter(candidate.charAt(4));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 6; i < LENGTH; i++) {
            if (!Base62.isDigit(candidate.charAt(i))) {
                return Optional.empty();
            }
        }
        char[] chars = candidate.toCharArray();
        char[] expected = new char[CHECKSUM_LENGTH];
        long crc = crc32(chars);
        Base62.encode(crc, CHECKSUM_LENGTH, expected, 0);
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            if (expected[i] != chars[BODY_LENGTH + i]) {
                return Optional.empty();
            }
        }
        return Optional.of(new PlaintextToken(candidate, type.get()));
    }

    private static long crc32(char[] chars) {
        byte[] body = new byte[BODY_LENGTH];
        for (int i = 0; i < BODY_LENGTH; i++) {
            body[i] = (byte) chars[i];
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }

    public TokenType type() {
        return type;
    }

    public TokenPrefix prefix() {
        return new TokenPrefix(value.substring(0, TokenPrefix.LENGTH));
    }

    /** The plaintext itself. Call it only to hand the token to its owner, once. */
    public String reveal() {
        return value;
    }

    byte[] ascii() {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "PlaintextToken[" + prefix() + "…]";
    }
}
