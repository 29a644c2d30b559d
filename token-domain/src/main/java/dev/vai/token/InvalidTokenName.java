package dev.vai.token;

/** A token name that breaks one of {@link TokenName}'s rules. */
public class InvalidTokenName extends InvalidText {

    public InvalidTokenName(TextRule rule, String message) {
        super(rule, message);
    }
}
