package dev.vai.api.auth;

import dev.vai.api.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-site request forgery: a browser attaches the {@code vai_token} cookie to any request, including one another
 * site's page makes it send. A mutation (POST, PUT, PATCH, DELETE) authenticated by that cookie, the token in no other
 * header, is refused when {@code Sec-Fetch-Site} says {@code cross-site}, or, without that header, when
 * {@code Origin} is neither this service's origin (scheme, host and port alike) nor one of the trusted origins.
 * Requests with neither header (non-browser clients) pass, as do tokens sent in a header, which no other site can make
 * a browser send.
 *
 * <p>This service's origin is the scheme it was reached by ({@code X-Forwarded-Proto} when the peer is a trusted
 * proxy, which is where TLS usually ends) and the {@code Host} header. A proxy that rewrites {@code Host} needs the
 * public origin in {@code VAI_TRUSTED_ORIGINS}.
 */
final class CrossSiteCheck {

    private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> trustedOrigins;
    private final ClientAddress clientAddress;

    CrossSiteCheck(List<String> trustedOrigins, ClientAddress clientAddress) {
        this.trustedOrigins = trustedOrigins.stream().map(CrossSiteCheck::canonical).collect(Collectors.toSet());
        this.clientAddress = clientAddress;
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
        String presented = canonical(origin);
        return presented == null || !(trustedOrigins.contains(presented) || presented.equals(own(request)));
    }

    /** This service's origin as the browser sees it: {@code scheme://host:port}. */
    private String own(HttpServletRequest request) {
        String scheme = request.getScheme();
        String forwarded = request.getHeader("X-Forwarded-Proto");
        if (forwarded != null && clientAddress.fromTrustedProxy(request)) {
            scheme = forwarded.split(",")[0].strip();
        }
        String host = request.getHeader("Host");
        return host == null ? null : canonical(scheme + "://" + host.strip());
    }

    /** {@code scheme://host:port} in lower case with the scheme's default port spelled out; null if not an origin. */
    static String canonical(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    && !uri.getRawPath().equals("/"))) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null; // "null" and other opaque origins name no origin at all
        }
    }
}
