package dev.vai.token.secret;

import java.util.random.RandomGenerator;

/**
 * The base62 alphabet {@code 0-9A-Za-z}: the one definition of it (tokens, dev mode's generated secrets, the
 * benchmark's data), random text in it, and fixed-width encoding of a non-negative number in it.
 */
public final class Base62 {

    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
    }

    /** {@code length} characters of the alphabet, each drawn from {@code random} (a SecureRandom for a secret). */
    public static String random(RandomGenerator random, int length) {
        char[] chars = new char[length];
        fill(random, chars, 0, length);
        return new String(chars);
    }

    /** Fills {@code out[from, to)} with random characters of the alphabet. */
    static void fill(RandomGenerator random, char[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** {@code value} in exactly {@code width} digits, most significant first, left-padded with '0'. */
    static void encode(long value, int width, char[] out, int offset) {
        if (value < 0) {
            throw new IllegalArgumentException("negative");
        }
        for (int i = offset + width - 1; i >= offset; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        if (value != 0) {
            throw new IllegalArgumentException("does not fit in " + width + " digits");
        }
    }
}
