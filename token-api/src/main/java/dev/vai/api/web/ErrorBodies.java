package dev.vai.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes the API's two error shapes: {@code {"detail": "<message>"}} and, for 422,
 * {@code {"detail": [{"loc", "msg", "type"}]}}. Used by the advice and by the filters that answer before a
 * controller runs.
 */
@Component
public class ErrorBodies {

    private final ObjectMapper json;

    public ErrorBodies(ObjectMapper json) {
        this.json = json;
    }

    public static ResponseEntity<Object> entity(int status, String detail, Map<String, String> headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        headers.forEach(httpHeaders::add);
        httpHeaders.setContentType(MediaType.APPLICATION_JSON);
        return ResponseEntity.status(status).headers(httpHeaders).body(Map.of("detail", detail));
    }

    public static ResponseEntity<Object> entity(List<ValidationError> errors) {
        return ResponseEntity.status(422).contentType(MediaType.APPLICATION_JSON).body(Map.of("detail", errors));
    }

    /** For filters: writes the problem straight to the servlet response. */
    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.status().value());
        problem.headers().forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("detail", problem.detail()));
    }
}
