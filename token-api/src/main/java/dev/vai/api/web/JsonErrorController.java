package dev.vai.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the controllers (by the servlet container or a filter) get the API's shape too, with the
 * status's reason phrase and nothing else: no exception text, no stack trace.
 */
@Hidden
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404; // asked for directly: there is nothing here
        if (status < 400) {
            status = 500;
        }
        return ErrorBodies.entity(status, ApiExceptionHandler.statusOf(status).getReasonPhrase(), Map.of());
    }
}
