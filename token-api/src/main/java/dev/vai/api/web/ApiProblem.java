package dev.vai.api.web;

import dev.vai.token.Scopes;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Any error other than validation: answered as {@code {"detail": "<message>"}} with the status and headers given. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> headers;

    public ApiProblem(HttpStatus status, String detail) {
        this(status, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** 429 for a client that has failed to authenticate too often, with the seconds until it may try again. */
    public static ApiProblem tooManyFailures(long retryAfterSeconds) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed authentication attempts; retry after "
                + retryAfterSeconds + " seconds", Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    /** 403 for a token that lacks {@code missing}, with the challenge of RFC 6750 section 3.1. */
    public static ApiProblem insufficientScope(Scopes missing, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, detail, Map.of("WWW-Authenticate",
                "Bearer error=\"insufficient_scope\", scope=\"" + missing + "\""));
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
