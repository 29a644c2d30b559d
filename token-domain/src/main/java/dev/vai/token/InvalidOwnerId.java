package dev.vai.token;

/** A user id that breaks one of {@link OwnerId}'s rules. */
public class InvalidOwnerId extends InvalidText {

    public InvalidOwnerId(TextRule rule, String message) {
        super(rule, message);
    }
}
