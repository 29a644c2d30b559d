package dev.vai.api.web;

import java.util.List;

/** The request is well-formed HTTP but its parameters or body are invalid: 422 with every problem found. */
public class RequestValidationException extends RuntimeException {

    private final List<ValidationError> errors;

    public RequestValidationException(List<ValidationError> errors) {
        super("Request validation failed", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public RequestValidationException(ValidationError error) {
        this(List.of(error));
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
