package dev.vai.api.auth;

/**
 * The result of one attempt: the outcome, where the token came from (null if none), the caller on success, and
 * whether the token came only in the Cookie header.
 */
public record Authentication(AuthOutcome outcome, CredentialKind kind, Caller caller, boolean cookieOnly) {

    public Authentication(AuthOutcome outcome, CredentialKind kind, Caller caller) {
        this(outcome, kind, caller, false);
    }

    Authentication withOutcome(AuthOutcome changed) {
        return new Authentication(changed, kind, null, cookieOnly);
    }

    public boolean succeeded() {
        return outcome == AuthOutcome.SUCCESS;
    }
}
