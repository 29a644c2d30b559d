package dev.vai.api.auth;

/** The result of one attempt: the outcome, where the token came from (null if none), the caller on success. */
public record Authentication(AuthOutcome outcome, CredentialKind kind, Caller caller) {

    public boolean succeeded() {
        return outcome == AuthOutcome.SUCCESS;
    }
}
