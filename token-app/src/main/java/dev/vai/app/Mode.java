package dev.vai.app;

/**
 * Decided once, from configuration, before anything starts: production when {@code VAI_DB_URL} is set, dev
 * otherwise. Components ask for {@code vai.mode}; none guesses from the presence of other settings.
 */
public enum Mode {
    DEV,
    PRODUCTION;

    public static final String PROPERTY = "vai.mode";
}
