package dev.vai.api.auth;

import dev.vai.api.web.ApiExceptionHandler;
import dev.vai.api.web.ApiProblem;
import dev.vai.api.web.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the public API: every request is authenticated before anything else is looked at, so credentials are
 * checked before validation (422) and existence (404). The caller is left in a request attribute for the
 * controllers; a conflict is a 400, any other failure a 401 with {@code WWW-Authenticate: Bearer}. If the database
 * cannot be asked, authentication fails closed with a 503.
 */
public class AuthenticationFilter extends OncePerRequestFilter {

    public static final String CALLER = Caller.class.getName();
    public static final String OUTCOME = Authentication.class.getName();

    private final Authenticator authenticator;
    private final AuthenticationMetrics metrics;
    private final ErrorBodies errors;

    public AuthenticationFilter(Authenticator authenticator, AuthenticationMetrics metrics, ErrorBodies errors) {
        this.authenticator = authenticator;
        this.metrics = metrics;
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
        request.setAttribute(OUTCOME, authentication);
        metrics.record(authentication);
        switch (authentication.outcome()) {
            case SUCCESS -> {
                request.setAttribute(CALLER, authentication.caller());
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
