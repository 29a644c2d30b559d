package dev.vai.api.web;

import dev.vai.lifecycle.IssuerNoLongerActive;
import dev.vai.lifecycle.TooManyActiveKeys;
import dev.vai.token.AccessTokenNotFound;
import dev.vai.token.InsufficientScope;
import java.sql.SQLException;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns exceptions into the API's error shape. Domain exceptions keep their meaning also when
 * Axon wraps them; an unreachable database is a 503; anything unforeseen is a bare 500 with no detail of the cause
 * (which goes to the log, with the request id).
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    /** The detail of every 404 about a token, whether it does not exist or belongs to another owner. */
    public static final String NOT_FOUND = "Access token not found";

    static final String UNAVAILABLE = "The service is temporarily unavailable; try again shortly";
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RequestValidationException.class)
    ResponseEntity<Object> invalid(RequestValidationException e) {
        return ErrorBodies.entity(e.errors());
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> problem(ApiProblem e) {
        return ErrorBodies.entity(e.status().value(), e.detail(), e.headers());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Object> noRoute(Exception e) {
        return ErrorBodies.entity(404, "Not Found", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        String allow = e.getSupportedHttpMethods() == null ? "" : String.join(", ",
                e.getSupportedHttpMethods().stream().map(Object::toString).toList());
        return ErrorBodies.entity(405, "Method Not Allowed", allow.isEmpty() ? Map.of() : Map.of("Allow", allow));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ErrorBodies.entity(415, "Unsupported Media Type", Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ErrorBodies.entity(406, "Not Acceptable", Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        Throwable cause = unwrap(e);
        if (cause instanceof AccessTokenNotFound || cause instanceof AggregateNotFoundException) {
            return notFound();
        }
        if (cause instanceof RequestValidationException invalid) {
            return invalid(invalid);
        }
        if (cause instanceof ApiProblem problem) {
            return problem(problem);
        }
        if (cause instanceof TooManyActiveKeys tooMany) {
            return ErrorBodies.entity(409, tooMany.getMessage(), Map.of());
        }
        if (cause instanceof IssuerNoLongerActive gone) {
            return ErrorBodies.entity(401, gone.getMessage(), Map.of("WWW-Authenticate", "Bearer"));
        }
        if (cause instanceof InsufficientScope insufficient) {
            // the endpoints check scopes before they ask the aggregate; this is the aggregate's own refusal
            return problem(ApiProblem.insufficientScope(insufficient.missing(), insufficient.getMessage()));
        }
        if (isUnavailable(e)) {
            log.warn("Answering 503: {}", describe(e));
            return ErrorBodies.entity(503, UNAVAILABLE, Map.of("Retry-After", "1"));
        }
        log.error("Unexpected error; answering 500", e);
        return ErrorBodies.entity(500, "Internal Server Error", Map.of());
    }

    /** The body of every 404 about a token: the same whether it does not exist or belongs to someone else. */
    public static ResponseEntity<Object> notFound() {
        return ErrorBodies.entity(404, NOT_FOUND, Map.of());
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current instanceof CommandExecutionException && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof CommandExecutionException wrapped) {
            return wrapped.getDetails().filter(Throwable.class::isInstance).map(Throwable.class::cast).orElse(wrapped);
        }
        return current;
    }

    /** Anything caused by the database being unreachable or busy, or a write conflict that outlived its retries. */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException
                    || t instanceof ConcurrencyException || t instanceof SQLException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
    }

    static HttpStatus statusOf(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
