package dev.vai.app.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.vai.api.web.QueryParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every exchange of the HTTP integration tests, checked against the OpenAPI document the service under test serves
 * ({@code /v3/api-docs}), with Atlassian's swagger-request-validator: each response, and the request too when it was
 * answered with a 2xx (the other requests are wrong on purpose). A mismatch fails the test that made the call.
 *
 * <p>Left out: what the document does not describe on purpose, the actuator and the document itself, and the 404 or
 * 405 of a path or method the API does not have.
 */
public final class OpenApiContract {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> BOOLEAN_PARAMETERS = Set.of("includeRevoked", "exclude_current");
    private static final Set<String> NO_SUCH_OPERATION = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private OpenApiContract() {
    }

    /** One exchange: what was sent ({@code headers} as name, value pairs) and what came back. */
    public static void check(String base, String method, String pathAndQuery, String contentType, byte[] body,
            String[] headers, int status, Map<String, List<String>> responseHeaders, String responseBody) {
        URI uri = URI.create(base + pathAndQuery);
        String path = uri.getRawPath();
        if (path.startsWith("/actuator") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")) {
            return;
        }
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        responseHeaders.forEach((name, values) -> {
            if (name != null && !name.equals(":status")) {
                response.withHeader(name, values);
            }
        });
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        OpenApiInteractionValidator validator = validatorFor(base);
        Request.Method verb = Request.Method.valueOf(method);
        ValidationReport report;
        if (status >= 200 && status < 300) {
            report = validator.validate(request(verb, path, uri.getRawQuery(), contentType, body, headers),
                    response.build());
        } else {
            report = validator.validateResponse(decoded(path), verb, response.build());
            if ((status == 404 || status == 405) && report.getMessages().stream()
                    .allMatch(message -> NO_SUCH_OPERATION.contains(message.getKey()))) {
                return; // a route or method the API does not have: there is no operation to hold it to
            }
        }
        if (report.hasErrors()) {
            throw new AssertionError("The exchange " + method + " " + pathAndQuery + " -> " + status + " "
                    + responseBody + " breaks the OpenAPI document:\n" + report.getMessages().stream()
                    .map(message -> "  " + message.getKey() + ": " + message.getMessage()).reduce("",
                            (a, b) -> a + b + "\n"));
        }
    }

    private static Request request(Request.Method method, String path, String query, String contentType, byte[] body,
            String[] headers) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, decoded(path));
        if (contentType != null) {
            request.withContentType(contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.withHeader(headers[i], schemeCase(headers[i], headers[i + 1]));
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
                request.withQueryParam(name, booleanSpelling(name, eq < 0 ? "" : decoded(pair.substring(eq + 1))));
            }
        }
        if (body != null && body.length > 0) {
            request.withBody(body);
        }
        return request.build();
    }

    /**
     * HTTP authentication schemes are case-insensitive (RFC 9110 section 11.1), so {@code bearer} is a Bearer
     * credential; the validator compares the scheme case-sensitively.
     */
    private static String schemeCase(String header, String value) {
        if (header.equalsIgnoreCase("Authorization") && value.length() > 6 && value.substring(0, 7).equalsIgnoreCase(
                "Bearer ")) {
            return "Bearer " + value.substring(7);
        }
        return value;
    }

    /**
     * The document keeps the reference's boolean type for these parameters; the service also accepts 1/0, yes/no and
     * on/off in any case, and says so in their descriptions. Such a value is checked as the boolean it spells.
     */
    private static String booleanSpelling(String name, String value) {
        Boolean spelled = BOOLEAN_PARAMETERS.contains(name) ? QueryParameters.booleanOf(value) : null;
        return spelled == null ? value : spelled.toString();
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static OpenApiInteractionValidator validatorFor(String base) {
        return VALIDATORS.computeIfAbsent(base, url -> {
            try {
                HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/v3/api-docs"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (document.statusCode() != 200) {
                    throw new AssertionError("No OpenAPI document at " + url + ": " + document.statusCode());
                }
                return OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
