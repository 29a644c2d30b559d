package dev.vai.api.web;

import dev.vai.token.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Establishes each request's {@link RequestContext}: the client address (trusted proxies honoured), the user agent
 * (bounded, control characters removed) and a request id (the client's {@code X-Request-Id} when it is sane, else a
 * fresh one), echoed in the response and put in the logging context. Every answer says
 * {@code X-Content-Type-Options: nosniff}, and every answer of the API {@code Cache-Control: no-store}.
 */
public class RequestContextFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = RequestContext.class.getName();
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_USER_AGENT = 256;

    private final ClientAddress clientAddress;

    RequestContextFilter(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    public static RequestContext of(HttpServletRequest request) {
        Object context = request.getAttribute(ATTRIBUTE);
        return context instanceof RequestContext known ? known : RequestContext.NONE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(REQUEST_ID_HEADER);
        String requestId = given != null && SANE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        RequestContext context = new RequestContext(clientAddress.of(request), userAgent(request), requestId);
        request.setAttribute(ATTRIBUTE, context);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/internal/")) {
            // tokens, their owners and plaintexts: no answer of the API is for any cache
            response.setHeader("Cache-Control", "no-store");
        }
        MDC.put("requestId", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(agent.length(), MAX_USER_AGENT));
        for (int i = 0; i < agent.length() && clean.length() < MAX_USER_AGENT; i++) {
            char c = agent.charAt(i);
            clean.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return clean.toString();
    }
}
