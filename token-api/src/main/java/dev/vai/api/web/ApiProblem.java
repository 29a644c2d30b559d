package dev.vai.api.web;

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
