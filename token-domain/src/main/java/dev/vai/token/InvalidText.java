package dev.vai.token;

/** A text value object refused its input; {@link #rule()} says which rule it broke. */
public abstract class InvalidText extends IllegalArgumentException {

    private final TextRule rule;

    protected InvalidText(TextRule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public TextRule rule() {
        return rule;
    }
}
