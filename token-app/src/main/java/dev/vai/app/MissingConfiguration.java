package dev.vai.app;

/** The chosen mode needs settings that are absent or unusable; the message names every one of them. */
public class MissingConfiguration extends RuntimeException {

    public MissingConfiguration(String message) {
        super(message);
    }
}
