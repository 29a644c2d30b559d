package dev.vai.token;

/** A lifetime that is not positive or absurdly long. */
public class InvalidLifetime extends IllegalArgumentException {

    public InvalidLifetime(String message) {
        super(message);
    }
}
