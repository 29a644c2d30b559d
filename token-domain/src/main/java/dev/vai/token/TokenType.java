package dev.vai.token;

import java.util.Optional;

/** What a token is for; the wire name is the reference API's, the letter is the one in the token format. */
public enum TokenType {
    SESSION("session", 's'),
    API_KEY("api_key", 'k');

    private final String wireName;
    private final char letter;

    TokenType(String wireName, char letter) {
        this.wireName = wireName;
        this.letter = letter;
    }

    public String wireName() {
        return wireName;
    }

    public char letter() {
        return letter;
    }

    public static Optional<TokenType> fromWireName(String name) {
        for (TokenType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<TokenType> fromLetter(char letter) {
        for (TokenType type : values()) {
            if (type.letter == letter) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
