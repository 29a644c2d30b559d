package dev.vai.token;

/** The text is not a canonical UUID. */
public class InvalidAccessTokenId extends IllegalArgumentException {

    public InvalidAccessTokenId() {
        super("Input should be a valid UUID in the canonical 8-4-4-4-12 hexadecimal form");
    }
}
