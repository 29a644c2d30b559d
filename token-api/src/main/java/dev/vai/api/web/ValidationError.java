package dev.vai.api.web;

import dev.vai.token.TextRule;
import java.math.BigInteger;
import java.util.List;

/**
 * One entry of a 422 body: where ({@code ["query","limit"]}, {@code ["body","name"]}, {@code ["path","token_id"]},
 * {@code ["body","scopes",2]} for an element of an array, as a number), what is wrong, and a stable {@code type} code.
 */
public record ValidationError(List<Object> loc, String msg, String type) {

    public static final String MISSING = "missing";
    public static final String STRING_TOO_SHORT = "string_too_short";
    public static final String STRING_TOO_LONG = "string_too_long";
    public static final String STRING_PATTERN_MISMATCH = "string_pattern_mismatch";
    public static final String GREATER_THAN_EQUAL = "greater_than_equal";
    public static final String LESS_THAN_EQUAL = "less_than_equal";
    public static final String INT_PARSING = "int_parsing";
    public static final String BOOL_PARSING = "bool_parsing";
    public static final String UUID_PARSING = "uuid_parsing";
    public static final String ENUM = "enum";
    public static final String LIST_TYPE = "list_type";
    public static final String STRING_TYPE = "string_type";
    public static final String TOO_LONG = "too_long";
    public static final String JSON_INVALID = "json_invalid";
    public static final String VALUE_ERROR = "value_error";

    /** The code for a text that broke one of the domain's text rules. */
    public static String typeOf(TextRule rule) {
        return switch (rule) {
            case TOO_SHORT -> STRING_TOO_SHORT;
            case TOO_LONG -> STRING_TOO_LONG;
            case FORBIDDEN_CHARACTER -> STRING_PATTERN_MISMATCH;
        };
    }

    /** The error for an integer outside {@code [min, max]} at {@code loc}; null when it is inside. */
    static ValidationError outOfRange(List<Object> loc, BigInteger value, int min, int max) {
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            return new ValidationError(loc, "Input should be greater than or equal to " + min, GREATER_THAN_EQUAL);
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            return new ValidationError(loc, "Input should be less than or equal to " + max, LESS_THAN_EQUAL);
        }
        return null;
    }

    public static ValidationError query(String name, String msg, String type) {
        return new ValidationError(List.of("query", name), msg, type);
    }

    public static ValidationError body(String name, String msg, String type) {
        return new ValidationError(name == null ? List.of("body") : List.of("body", name), msg, type);
    }

    /** An error in element {@code index} of the body's array field {@code name}. */
    public static ValidationError bodyElement(String name, int index, String msg, String type) {
        return new ValidationError(List.of("body", name, index), msg, type);
    }

    public static ValidationError path(String name, String msg, String type) {
        return new ValidationError(List.of("path", name), msg, type);
    }
}
