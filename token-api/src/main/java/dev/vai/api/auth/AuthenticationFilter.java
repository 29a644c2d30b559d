package dev.vai.api.auth;

import dev.vai.api.web.ApiExceptionHandler;
import dev.vai.api.web.ApiProblem;
import dev.vai.api.web.ClientAddress;
import dev.vai.api.web.ErrorBodies;
import dev.vai.api.web.RequestContextFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the public API: every request is authenticated before anything else is looked at, so credentials are
 * checked before validation (422) and existence (404). The caller is left in a request attribute for the
 * controllers; a conflict is a 400, any other failure a 401 with {@code WWW-Authenticate: Bearer}, or a 429 once the
 * client has failed too often (see {@link FailureThrottle}); a cookie-only mutation from another site is a 403
 * (see {@link CrossSiteCheck}). If the database cannot be asked, authentication fails closed with a 503.
 */
class AuthenticationFilter extends OncePerRequestFilter {

    private final Authenticator authenticator;
    private final AuthenticationMetrics metrics;
    private final FailureThrottle throttle;
    private final CrossSiteCheck crossSite;
    private final ErrorBodies errors;

    AuthenticationFilter(Authenticator authenticator, AuthenticationMetrics metrics, FailureThrottle throttle,
            List<String> trustedOrigins, ClientAddress clientAddress, ErrorBodies errors) {
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.throttle = throttle;
        this.crossSite = new CrossSiteCheck(trustedOrigins, clientAddress);
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication;
        try {
            authentication = authenticator.authenticate(request);
        } catch (RuntimeException e) {
            if (!ApiExceptionHandler.isUnavailable(e)) {
                throw e;
            }
            errors.write(response, new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service is temporarily unavailable; try again shortly", Map.of("Retry-After", "1")));
            return;
        }
        String client = RequestContextFilter.of(request).clientIp();
        if (!authentication.succeeded() && authentication.outcome() != AuthOutcome.MISSING) {
            long retryAfter = throttle.throttledFor(client);
            if (retryAfter > 0) {
                authentication = authentication.withOutcome(AuthOutcome.THROTTLED);
                request.setAttribute(Authentication.ATTRIBUTE, authentication);
                metrics.record(authentication);
                errors.write(response, ApiProblem.tooManyFailures(retryAfter));
                return;
            }
            throttle.recordFailure(client);
        }
        request.setAttribute(Authentication.ATTRIBUTE, authentication);
        metrics.record(authentication);
        if (authentication.succeeded() && crossSite.refuses(request, authentication)) {
            errors.write(response, new ApiProblem(HttpStatus.FORBIDDEN,
                    "Cross-site request refused: a cookie alone cannot authenticate a change from another site"));
            return;
        }
        switch (authentication.outcome()) {
            case SUCCESS -> {
                request.setAttribute(Caller.ATTRIBUTE, authentication.caller());
                if (authentication.readAlong() != null) {
                    request.setAttribute(ReadAlong.ATTRIBUTE, authentication.readAlong());
                }
                chain.doFilter(request, response);
            }
            case CONFLICT -> errors.write(response, new ApiProblem(HttpStatus.BAD_REQUEST,
                    "The request carries more than one credential; send exactly one token"));
            case MISSING -> errors.write(response, new ApiProblem(HttpStatus.UNAUTHORIZED, "Not authenticated",
                    Map.of("WWW-Authenticate", "Bearer")));
            default -> errors.write(response, new ApiProblem(HttpStatus.UNAUTHORIZED,
                    "Invalid, expired or revoked token", Map.of("WWW-Authenticate", "Bearer")));
        }
    }
}
