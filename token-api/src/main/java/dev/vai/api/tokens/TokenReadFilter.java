package dev.vai.api.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vai.api.auth.Caller;
import dev.vai.api.auth.ReadAlong;
import dev.vai.api.web.ApiProblem;
import dev.vai.api.web.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers {@code GET /api/v1/access-tokens/{token_id}} from the token that authentication read alongside the
 * credential, without Spring MVC's dispatch: handler lookup, argument resolution and message-converter selection cost
 * more than the rest of the request together (see bench/RESULTS.md). The rule and the answer are
 * {@link TokenReads}', which the controller uses too: the token (200), or the 403 or 404 body. Whatever this filter
 * does not recognise (another method or path, an id that is not a plain UUID, an {@code Accept} header other than
 * none, {@code *}{@code /*} or {@code application/json}) goes on to the controller.
 */
class TokenReadFilter extends OncePerRequestFilter {

    private final TokenReads reads;
    private final ObjectMapper json;
    private final ErrorBodies errors;

    TokenReadFilter(TokenReads reads, ObjectMapper json, ErrorBodies errors) {
        this.reads = reads;
        this.json = json;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadAlong read = ReadAlong.of(request);
        Caller caller = Caller.of(request);
        if (read == null || caller == null || !acceptsJson(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        // what the handler mapping would have set: the request log and the HTTP metrics name the route by it
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, TokenReads.ROUTE);
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(TokenReads.ROUTE));
        TokenJson token;
        try {
            token = TokenJson.of(reads.read(caller, read.requested().toString(), read));
        } catch (ApiProblem problem) {
            errors.write(response, problem);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), token);
    }

    static boolean acceptsJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE);
    }
}
