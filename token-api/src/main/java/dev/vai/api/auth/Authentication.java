package dev.vai.api.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The result of one attempt: the outcome, where the token came from (null if none), the caller on success, whether
 * the token came only in the Cookie header, and on success the token the request reads, if authentication read it
 * alongside (see {@link ReadAlong}; null otherwise).
 */
public record Authentication(AuthOutcome outcome, CredentialKind kind, Caller caller, boolean cookieOnly,
        ReadAlong readAlong) {

    /** The request attribute that holds the attempt's result, once authentication has run. */
    public static final String ATTRIBUTE = Authentication.class.getName();

    /** The result of authenticating {@code request}, or null if authentication did not run. */
    public static Authentication of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Authentication authentication ? authentication : null;
    }

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
