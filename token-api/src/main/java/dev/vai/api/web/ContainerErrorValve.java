package dev.vai.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some requests itself, before any filter or controller runs (a URI with an encoded NUL byte, a
 * malformed request line). This valve gives those answers the API's shape instead of Tomcat's HTML page: no server
 * version, no stack trace.
 *
 * <p>One case is the API's own: a {@code token_id} segment that the container refused to decode (such as
 * {@code %00}) can never be a UUID, so it gets the 422 that the endpoint's validation would give it.
 */
public class ContainerErrorValve extends ErrorReportValve {

    private static final Pattern TOKEN_ID_ROUTE = Pattern.compile("/(api|internal)/v1/access-tokens/[^/]*");
    private static final String UUID_ERROR = "{\"detail\":[{\"loc\":[\"path\",\"token_id\"],"
            + "\"msg\":\"Input should be a valid UUID in the canonical 8-4-4-4-12 hexadecimal form\","
            + "\"type\":\"uuid_parsing\"}]}";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body;
        String uri = request.getRequestURI();
        if (status == 400 && request.getContext() == null && uri != null && TOKEN_ID_ROUTE.matcher(uri).matches()) {
            response.setStatus(422);
            body = UUID_ERROR;
        } else {
            String reason = ApiExceptionHandler.statusOf(status).getReasonPhrase();
            body = "{\"detail\":\"" + reason + "\"}";
        }
        try {
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
}
