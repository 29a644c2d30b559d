package dev.vai.token.secret;

/** The base62 alphabet {@code 0-9A-Za-z}, and fixed-width encoding of a non-negative number in it. */
final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
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
