package dev.vai.token;

/** The rules a user-supplied text (a token name, a user id) can break. */
public enum TextRule {
    TOO_SHORT,
    TOO_LONG,
    FORBIDDEN_CHARACTER;

    /** Control characters (C0, DEL, C1) and unpaired surrogates, which no database or log should receive. */
    static boolean hasForbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
