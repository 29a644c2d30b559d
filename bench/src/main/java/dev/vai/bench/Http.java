package dev.vai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** The suite's HTTP client (the JDK's, HTTP/1.1, keep-alive) and the few calls it makes to set the scene. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8, runnable -> {
                Thread thread = new Thread(runnable, "bench-http");
                thread.setDaemon(true);
                return thread;
            }))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String managementBase;

    /** {@code /internal} goes to {@code managementBase} (the management port), everything else to {@code base}. */
    Http(String base, String managementBase) {
        this.base = base;
        this.managementBase = managementBase;
    }

    Http(Infrastructure infrastructure) {
        this(infrastructure.baseUrl(), infrastructure.managementUrl());
    }

    HttpRequest.Builder request(String path) {
        String at = path.startsWith("/internal") || path.startsWith("/actuator") ? managementBase : base;
        return HttpRequest.newBuilder(URI.create(at + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<Void>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    /** A new user's session, minted through the internal API; its plaintext. */
    String session(String userId) {
        return sessionToken(userId)[1];
    }

    /** A session of the user, minted through the internal API: its id and plaintext. */
    String[] sessionToken(String userId) {
        return idAndPlaintext(send(request("/internal/v1/sessions")
                .header("X-Admin-Key", Infrastructure.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"" + userId + "\"}"))
                .build()));
    }

    /** An API key of the session's owner: its id and plaintext. */
    String[] createKey(String session, String name) {
        HttpResponse<String> created = send(request("/api/v1/access-tokens")
                .header("Authorization", "Bearer " + session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}"))
                .build());
        return idAndPlaintext(created);
    }

    private static String[] idAndPlaintext(HttpResponse<String> created) {
        JsonNode json = json(created);
        return new String[] {json.get("token").get("id").asText(), json.get("plaintext").asText()};
    }

    static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Unexpected " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
