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
    private static final List<String> MANAGEMENT_ONLY = List.of("/internal", "/actuator");
    private static final List<String> PUBLIC_ONLY = List.of("/api");
    private static final List<String> API_DOCS = List.of("/v3/api-docs", "/v3/api-docs.yaml");
    private static final ApiProblem NOT_FOUND = new ApiProblem(HttpStatus.NOT_FOUND, HttpStatus.NOT_FOUND.getReasonPhrase());

    private final ManagementConnector management;
    private final ErrorBodies errors;

    PortSplitFilter(ManagementConnector management, ErrorBodies errors) {
        this.management = management;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean onManagementPort = management.received(request);
        String ownGroup = onManagementPort ? MANAGEMENT_GROUP : PUBLIC_GROUP;
        String otherGroup = onManagementPort ? PUBLIC_GROUP : MANAGEMENT_GROUP;
        if (under(path, onManagementPort ? PUBLIC_ONLY : MANAGEMENT_ONLY)
                || API_DOCS.stream().anyMatch(docs -> under(path, List.of(docs + "/" + otherGroup)))) {
            errors.write(response, NOT_FOUND);
            return;
        }
        if (API_DOCS.contains(path)) {
            request.getRequestDispatcher(path + "/" + ownGroup).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean under(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
