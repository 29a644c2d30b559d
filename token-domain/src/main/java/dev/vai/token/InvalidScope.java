package dev.vai.token;

/** A scope name that breaks {@link Scope}'s rule. */
public class InvalidScope extends IllegalArgumentException {

    public InvalidScope(String message) {
        super(message);
    }
}
