package dev.vai.api.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The token a request presents, read from {@code Authorization: Bearer} (scheme in any case), {@code X-API-Key}, the
 * {@code __Host-vai_token} cookie, the {@code vai_token} cookie (unless {@code VAI_ACCEPT_UNPREFIXED_COOKIE=false})
 * or a {@code vai_token} header. The same token in several places is one credential; different tokens, or a header
 * or cookie given twice, is a conflict. Never read from the query string. {@code cookieOnly}: the token came in the
 * Cookie header and in no other header, as a browser sends it on its own (the case cross-site request forgery
 * needs); another header beside it, an unrelated {@code Authorization: Basic} say, does not change that.
 */
record PresentedCredential(AuthOutcome problem, String token, CredentialKind kind, boolean cookieOnly) {

    static final String COOKIE = "vai_token";
    /** The same cookie under the prefix that binds it to the host, Secure and Path=/ (RFC 6265bis). */
    static final String HOST_COOKIE = "__Host-vai_token";

    static PresentedCredential of(HttpServletRequest request, boolean acceptUnprefixedCookie) {
        List<String> authorization = Collections.list(request.getHeaders("Authorization"));
        List<String> apiKeys = Collections.list(request.getHeaders("X-API-Key"));
        List<String> tokenHeaders = Collections.list(request.getHeaders(COOKIE));
        List<String> cookies = new ArrayList<>();
        int plainCookies = 0;
        int hostCookies = 0;
        Cookie[] all = request.getCookies();
        if (all != null) {
            for (Cookie cookie : all) {
                if (COOKIE.equals(cookie.getName()) && acceptUnprefixedCookie) {
                    cookies.add(cookie.getValue());
                    plainCookies++;
                } else if (HOST_COOKIE.equals(cookie.getName())) {
                    cookies.add(cookie.getValue());
                    hostCookies++;
                }
            }
        }
        if (authorization.size() > 1 || apiKeys.size() > 1 || tokenHeaders.size() > 1 || plainCookies > 1
                || hostCookies > 1) {
            return new PresentedCredential(AuthOutcome.CONFLICT, null, null, false);
        }

        String token = null;
        CredentialKind kind = null;
        boolean malformed = false;
        boolean inHeader = false;
        for (CredentialKind source : CredentialKind.values()) {
            List<String> values = switch (source) {
                case BEARER -> authorization.stream().map(PresentedCredential::bearer).toList();
                case API_KEY -> apiKeys;
                case COOKIE -> concat(tokenHeaders, cookies);
            };
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                String candidate = value == null ? "" : value.strip();
                if (candidate.isEmpty()) {
                    malformed = true;
                    continue;
                }
                if (token == null) {
                    token = candidate;
                    kind = source;
                } else if (!token.equals(candidate)) {
                    return new PresentedCredential(AuthOutcome.CONFLICT, null, null, false);
                }
                // the vai_token header comes before the cookies in the COOKIE source
                inHeader |= source != CredentialKind.COOKIE || i < tokenHeaders.size();
            }
        }
        if (token != null) {
            return new PresentedCredential(null, token, kind, !inHeader);
        }
        return new PresentedCredential(malformed ? AuthOutcome.MALFORMED : AuthOutcome.MISSING, null, null, false);
    }

    /** The token of a Bearer header; "" for a Bearer header without one or for another scheme (Basic...). */
    private static String bearer(String header) {
        if (header.length() >= 6 && header.substring(0, 6).toLowerCase(Locale.ROOT).equals("bearer")) {
            String rest = header.substring(6);
            if (rest.isEmpty() || rest.charAt(0) == ' ' || rest.charAt(0) == '\t') {
                return rest.strip();
            }
        }
        return "";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
