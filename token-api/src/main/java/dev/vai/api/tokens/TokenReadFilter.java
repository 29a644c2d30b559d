package dev.vai.api.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vai.api.auth.ReadAlong;
import dev.vai.api.web.ApiExceptionHandler;
import dev.vai.api.web.ApiProblem;
import dev.vai.api.web.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers {@code GET /api/v1/access-tokens/{token_id}}, the busiest authenticated request, from the token that
 * authentication read alongside the credential ({@link ReadAlong}), without Spring MVC's dispatch: handler lookup,
 * argument resolution and message-converter selection cost more than the rest of the request together (see
 * bench/RESULTS.md). The answer is the controller's, byte for byte: the token (200) or the not-found body (404).
 * Whatever this filter does not recognise (another method or path, an id that is not a plain UUID, an
 * {@code Accept} header other than none, {@code *}{@code /*} or {@code application/json}) goes on to the controller,
 * which stays the reference.
 */
public class TokenReadFilter extends OncePerRequestFilter {

    static final String PATTERN = AccessTokensController.PATH + "/{" + AccessTokensController.TOKEN_ID + "}";

    private final ObjectMapper json;
    private final ErrorBodies errors;

    public TokenReadFilter(ObjectMapper json, ErrorBodies errors) {
        this.json = json;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadAlong read = ReadAlong.of(request);
        if (read == null || !acceptsJson(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        // what the handler mapping would have set: the request log and the HTTP metrics name the route by it
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, PATTERN);
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATTERN));
        if (read.token() == null) {
            errors.write(response, new ApiProblem(HttpStatus.NOT_FOUND, ApiExceptionHandler.NOT_FOUND));
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), TokenJson.of(read.token()));
    }

    static boolean acceptsJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE);
    }
}
