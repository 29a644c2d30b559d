package dev.vai.api.auth;

import dev.vai.api.web.ApiProblem;
import dev.vai.api.web.ErrorBodies;
import dev.vai.api.web.Keys;
import dev.vai.api.web.RequestContextFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the internal API: {@code X-Admin-Key} must equal the configured admin key, or the previous one while a
 * rotation is under way (constant-time comparisons, always against both). The keys are never logged; a failed
 * attempt is, with the client's address and the request id, and counts towards the client's failed-authentication
 * throttle.
 */
public class AdminKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Admin-Key";
    private static final Logger log = LoggerFactory.getLogger(AdminKeyFilter.class);

    private final String adminKey;
    private final String previousAdminKey;
    private final FailureThrottle throttle;
    private final ErrorBodies errors;

    /** {@code previousAdminKey}: the key being rotated out, still accepted; null when there is none. */
    AdminKeyFilter(String adminKey, String previousAdminKey, FailureThrottle throttle, ErrorBodies errors) {
        this.adminKey = adminKey;
        this.previousAdminKey = previousAdminKey;
        this.throttle = throttle;
        this.errors = errors;
    }

    private boolean accepts(String presented) {
        boolean current = Keys.secretsEqual(adminKey, presented);
        boolean previous = previousAdminKey != null && Keys.secretsEqual(previousAdminKey, presented);
        return current | previous;
    }

    /** The raw path is never logged: a client may have put anything there; the request log has the template. */
    private static String client(HttpServletRequest request) {
        return RequestContextFilter.of(request).clientIp();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> presented = Collections.list(request.getHeaders(HEADER));
        if (presented.size() == 1 && accepts(presented.get(0))) {
            log.info("Internal API call accepted: {} from {} (request {})", request.getMethod(), client(request),
                    RequestContextFilter.of(request).requestId());
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused an internal API call: {} from {} (request {}): {}", request.getMethod(), client(request),
                RequestContextFilter.of(request).requestId(), presented.isEmpty() ? "no admin key" : "wrong admin key");
        long retryAfter = throttle.throttledFor(client(request));
        if (retryAfter > 0) {
            errors.write(response, ApiProblem.tooManyFailures(retryAfter));
            return;
        }
        throttle.recordFailure(client(request));
        errors.write(response, new ApiProblem(HttpStatus.UNAUTHORIZED, "A valid X-Admin-Key is required"));
    }
}
