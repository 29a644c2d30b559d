package dev.vai.api.logging;

import dev.vai.api.auth.Authentication;
import dev.vai.api.web.MappedRoutes;
import dev.vai.api.web.RequestContextFilter;
import dev.vai.token.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * One line per request at INFO on the logger {@value #LOGGER}: request id, method, path template, status,
 * duration, authentication outcome and credential kind, and the id of the token that authenticated it. The path is
 * always a template ({@code /api/v1/access-tokens/{token_id}}), never the raw path, which could carry anything a
 * client put there; no header, query string or body is ever logged. Actuator requests (scrapes, probes) are not.
 */
class RequestLogFilter extends OncePerRequestFilter {

    public static final String LOGGER = "dev.vai.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final MappedRoutes routes;

    /** {@code routes}: every path pattern the application maps, to name requests refused before dispatch. */
    RequestLogFilter(MappedRoutes routes) {
        this.routes = routes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            Authentication authentication = Authentication.of(request);
            String outcome = authentication == null ? "-" : authentication.outcome().wireName();
            String credential = authentication == null || authentication.kind() == null ? "-"
                    : authentication.kind().wireName();
            String tokenId = authentication == null || authentication.caller() == null ? "-"
                    : authentication.caller().tokenId().toString();
            RequestContext context = RequestContextFilter.of(request);
            // the request id is in the logging context (MDC) already; JSON lines carry it from there
            log.atInfo()
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", template(request))
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("durationMs", millis)
                    .addKeyValue("auth", outcome)
                    .addKeyValue("credential", credential)
                    .addKeyValue("tokenId", tokenId)
                    .log("{} {} {} {}ms auth={} credential={} token={} request={}", request.getMethod(),
                            template(request), response.getStatus(), millis, outcome, credential, tokenId,
                            context.requestId());
        }
    }

    private String template(HttpServletRequest request) {
        Object matched = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (matched != null) {
            return matched.toString();
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        for (PathPattern route : routes.all()) {
            if (route.matches(path)) {
                return route.getPatternString();
            }
        }
        return "(unmatched)";
    }
}
