package dev.vai.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Tomcat answers some requests itself, before any filter or controller runs (a URI with an encoded NUL byte, a
 * malformed request line). This valve gives those answers the API's shape instead of Tomcat's HTML page: no server
 * version, no stack trace.
 *
 * <p>One case is the API's own: a {@code token_id} segment that the container refused to decode (such as
 * {@code %00}) can never be a token id, so a URI that a mapped route with a {@code token_id} matches gets the 422 that
 * the endpoint's own validation ({@link PathParameters#tokenId}) gives the raw segment. The routes are the
 * controllers' ({@link MappedRoutes}), not a copy.
 */
class ContainerErrorValve extends ErrorReportValve {

    private final MappedRoutes routes;
    private final ObjectMapper json;

    ContainerErrorValve(MappedRoutes routes, ObjectMapper json) {
        this.routes = routes;
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = request.getRequestURI();
        RequestValidationException invalid = status == 400 && request.getContext() == null && uri != null
                ? invalidTokenId(uri) : null;
        try {
            String body;
            if (invalid != null) {
                response.setStatus(422);
                body = json.writeValueAsString(Map.of("detail", invalid.errors()));
            } else {
                body = "{\"detail\":\"" + ApiExceptionHandler.statusOf(status).getReasonPhrase() + "\"}";
            }
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getReporter().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to tell it
        }
    }

    /** The endpoint's 422 for the raw {@code token_id} of the route that matches {@code uri}, or null. */
    private RequestValidationException invalidTokenId(String uri) {
        PathContainer path;
        try {
            path = PathContainer.parsePath(uri);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (PathPattern route : routes.all()) {
            PathPattern.PathMatchInfo match = route.matchAndExtract(path);
            String raw = match == null ? null : rawSegment(uri, route, PathParameters.TOKEN_ID);
            if (raw != null) {
                try {
                    PathParameters.tokenId(PathParameters.TOKEN_ID, raw);
                } catch (RequestValidationException e) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The undecoded segment of {@code uri} where {@code route} has the variable {@code name}, or null. */
    private static String rawSegment(String uri, PathPattern route, String name) {
        String[] template = route.getPatternString().split("/", -1);
        String[] segments = uri.split("/", -1);
        for (int i = 0; i < template.length && i < segments.length; i++) {
            if (template[i].equals("{" + name + "}")) {
                return segments[i];
            }
        }
        return null;
    }
}
