package dev.vai.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-site request forgery: a browser attaches the {@code vai_token} cookie to any request, including one another
 * site's page makes it send. A mutation (POST, PUT, PATCH, DELETE) authenticated by that cookie alone is refused when
 * {@code Sec-Fetch-Site} says {@code cross-site}, or, without that header, when {@code Origin} names a host other than
 * this service's ({@code Host}) and other than the trusted origins. Requests with neither header (non-browser
 * clients) pass, as do tokens sent in a header, which no other site can make a browser send.
 */
final class CrossSiteCheck {

    private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> trustedOrigins;

    CrossSiteCheck(List<String> trustedOrigins) {
        this.trustedOrigins = trustedOrigins.stream().map(CrossSiteCheck::normalized).collect(Collectors.toSet());
    }

    boolean refuses(HttpServletRequest request, Authentication authentication) {
        if (!authentication.cookieOnly() || !MUTATIONS.contains(request.getMethod())) {
            return false;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.trim().equalsIgnoreCase("cross-site");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        return !trustedOrigins.contains(normalized(origin)) && !sameHost(origin, request.getHeader("Host"));
    }

    private static boolean sameHost(String origin, String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        try {
            String originHost = URI.create(origin.trim()).getHost();
            String host = hostHeader.trim();
            int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
            String requestHost = colon > 0 ? host.substring(0, colon) : host;
            return originHost != null && originHost.equalsIgnoreCase(requestHost);
        } catch (IllegalArgumentException e) {
            return false; // "null" and other opaque origins name no host at all
        }
    }

    private static String normalized(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
