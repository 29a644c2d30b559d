package dev.vai.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real HTTP client for the service under test, with the few shortcuts the tests keep needing. {@code /internal} and
 * {@code /actuator} go to the management port, everything else to the service's port (the same one in dev mode).
 * Every exchange is checked against the OpenAPI document of the port that answered it ({@link OpenApiContract}).
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String managementBase;
    private final String adminKey;

    public Api(int port, int managementPort, String adminKey) {
        this.base = "http://127.0.0.1:" + port;
        this.managementBase = "http://127.0.0.1:" + managementPort;
        this.adminKey = adminKey;
    }

    /** The in-process service of {@link ServiceIT}, with the test admin key. */
    public Api(int port, int managementPort) {
        this(port, managementPort, TestServicesEnvironmentPostProcessor.ADMIN_KEY);
    }

    /** Whether {@code path} is served on the management port. */
    public static boolean managementPath(String path) {
        return path.startsWith("/internal") || path.startsWith("/actuator");
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A token as the create endpoints return it: the plaintext and the token's id. */
    public record Issued(String plaintext, String id, JsonNode token) {
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    public Response postJson(String path, String json, String... headers) {
        return send("POST", path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    /** {@code headers} are name, value pairs; a name given twice is sent twice. */
    public Response send(String method, String path, String contentType, byte[] body, String... headers) {
        String base = managementPath(path) ? managementBase : this.base;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check(base, method, path, contentType, body, headers, response.statusCode(),
                    response.headers().map(), response.body());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Header pairs from several sources, for one request. */
    public static String[] headers(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    public String[] admin() {
        return new String[] {"X-Admin-Key", adminKey};
    }

    /** The session {@code session} describes, minted through the internal API (see {@link Fixtures#aSession()}). */
    public Issued issue(Fixtures.SessionSpec session) {
        return issued(postJson("/internal/v1/sessions", session.json(), admin()));
    }

    /** The API key {@code key} describes, created through the public API (see {@link Fixtures#anApiKey()}). */
    public Issued issue(Fixtures.ApiKeySpec key) {
        return issued(create(key));
    }

    /** The answer to creating the API key {@code key} describes, whatever it is. */
    public Response create(Fixtures.ApiKeySpec key) {
        return postJson("/api/v1/access-tokens", key.json(), bearer(key.creatorToken()));
    }

    /** The token a 201 of a create or a session mint carries; an assertion error for any other answer. */
    public static Issued issued(Response response) {
        if (response.status() != 201) {
            throw new AssertionError("Expected 201, got " + response);
        }
        JsonNode json = response.json();
        return new Issued(json.get("plaintext").asText(), json.get("token").get("id").asText(), json.get("token"));
    }
}
