package dev.vai.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With a management port: what each port serves. The service's port answers 404 for {@code /internal} and
 * {@code /actuator}, the management port 404 for {@code /api}, in the API's shape and before any authentication, so
 * neither port tells whether the other's paths exist. {@code /v3/api-docs} (and its YAML form) on each port is that
 * port's OpenAPI group, and the other port's group is not served.
 *
 * <p>Paths are compared as the container decoded and normalised them (servlet path and path info), the form Spring
 * MVC routes by, so no encoding, dot segment or path parameter reaches the other port's handlers.
 */
final class PortSplitFilter extends OncePerRequestFilter {

    static final String PUBLIC_GROUP = "public";
    static final String MANAGEMENT_GROUP = "management";
    private static final String API_DOCS = "/v3/api-docs";
    private static final String API_DOCS_YAML = "/v3/api-docs.yaml";
    /** What each port answers 404 for: the other port's paths, and the other port's OpenAPI group. */
    private static final List<String> NOT_ON_PUBLIC_PORT = List.of("/internal", "/actuator",
            API_DOCS + "/" + MANAGEMENT_GROUP, API_DOCS_YAML + "/" + MANAGEMENT_GROUP);
    private static final List<String> NOT_ON_MANAGEMENT_PORT = List.of("/api",
            API_DOCS + "/" + PUBLIC_GROUP, API_DOCS_YAML + "/" + PUBLIC_GROUP);
    private static final ApiProblem NOT_FOUND = new ApiProblem(HttpStatus.NOT_FOUND, HttpStatus.NOT_FOUND.getReasonPhrase());

    private final ManagementConnector management;
    private final ErrorBodies errors;

    PortSplitFilter(ManagementConnector management, ErrorBodies errors) {
        this.management = management;
        this.errors = errors;
    }

    /** Runs on every request: no allocation unless it answers or forwards. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getPathInfo() == null ? request.getServletPath()
                : request.getServletPath() + request.getPathInfo();
        boolean onManagementPort = management.received(request);
        if (under(path, onManagementPort ? NOT_ON_MANAGEMENT_PORT : NOT_ON_PUBLIC_PORT)) {
            errors.write(response, NOT_FOUND);
            return;
        }
        if (path.equals(API_DOCS) || path.equals(API_DOCS_YAML)) {
            request.getRequestDispatcher(path + "/" + (onManagementPort ? MANAGEMENT_GROUP : PUBLIC_GROUP))
                    .forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether {@code path} is one of {@code prefixes} or below one of them. */
    private static boolean under(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
