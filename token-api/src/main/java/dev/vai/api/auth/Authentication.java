package dev.vai.api.auth;

/**
 * The result of one attempt: the outcome, where the token came from (null if none), the caller on success, whether
 * the token came only in the Cookie header, and on success the token the request reads, if authentication read it
 * alongside (see {@link ReadAlong}; null otherwise).
 */
public record Authentication(AuthOutcome outcome, CredentialKind kind, Caller caller, boolean cookieOnly,
        ReadAlong readAlong) {

    public Authentication(AuthOutcome outcome, CredentialKind kind, Caller caller) {
        this(outcome, kind, caller, false, null);
    }

    Authentication withOutcome(AuthOutcome changed) {
        return new Authentication(changed, kind, null, cookieOnly, null);
    }

    public boolean succeeded() {
        return outcome == AuthOutcome.SUCCESS;
    }
}
