package dev.vai.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Strict reading of the query string. Every problem is collected under {@code ["query", <name>]} and
 * {@link #validate()} throws them all at once. A scalar parameter given twice is an error, not "the last one wins".
 * The query string is decoded here rather than by the servlet container, which would also read form bodies.
 */
public final class QueryParameters {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    /** Digits past which a number is beyond any int, however its leading zeros run. */
    private static final int MAX_INTEGER_LENGTH = 12;
    private static final Map<String, Boolean> BOOLEANS = Map.of(
            "true", true, "1", true, "yes", true, "on", true,
            "false", false, "0", false, "no", false, "off", false);

    private final Map<String, List<String>> values;
    private final List<ValidationError> errors = new ArrayList<>();

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParameters of(HttpServletRequest request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParameters(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "The query string is not correctly percent-encoded");
        }
    }

    /** The parameter's one value; null when absent; an error (and null) when repeated. */
    public String single(String name) {
        List<String> given = values.get(name);
        if (given == null) {
            return null;
        }
        if (given.size() > 1) {
            errors.add(ValidationError.query(name, "Expected a single value, got " + given.size(),
                    ValidationError.VALUE_ERROR));
            return null;
        }
        return given.get(0);
    }

    public int integer(String name, int min, int max, int defaultValue) {
        String text = single(name);
        if (text == null) {
            return defaultValue;
        }
        if (!INTEGER.matcher(text).matches()) {
            errors.add(ValidationError.query(name, "Input should be a valid integer", ValidationError.INT_PARSING));
            return defaultValue;
        }
        // a longer number is out of any int range: it gets its range error without being parsed
        BigInteger value = text.length() > MAX_INTEGER_LENGTH && significantDigits(text) > MAX_INTEGER_LENGTH
                ? (text.charAt(0) == '-' ? BigInteger.valueOf(Long.MIN_VALUE) : BigInteger.valueOf(Long.MAX_VALUE))
                : new BigInteger(text);
        ValidationError outOfRange = ValidationError.outOfRange(List.of("query", name), value, min, max);
        if (outOfRange != null) {
            errors.add(outOfRange);
            return defaultValue;
        }
        return value.intValueExact();
    }

    /** The digits of a matched integer without its sign and leading zeros. */
    private static int significantDigits(String text) {
        int at = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        while (at < text.length() - 1 && text.charAt(at) == '0') {
            at++;
        }
        return text.length() - at;
    }

    /** Accepts true/false, 1/0, yes/no, on/off in any case. */
    public boolean bool(String name, boolean defaultValue) {
        String text = single(name);
        if (text == null) {
            return defaultValue;
        }
        Boolean value = booleanOf(text);
        if (value == null) {
            errors.add(ValidationError.query(name, "Input should be a valid boolean", ValidationError.BOOL_PARSING));
            return defaultValue;
        }
        return value;
    }

    /** The boolean a query value spells (true/false, 1/0, yes/no, on/off in any case), or null. */
    public static Boolean booleanOf(String text) {
        return BOOLEANS.get(text.toLowerCase(Locale.ROOT));
    }

    /** One of a fixed set of names, or null when absent. */
    public <T> T oneOf(String name, Function<String, T> lookup, String expected) {
        String text = single(name);
        if (text == null) {
            return null;
        }
        T value = lookup.apply(text);
        if (value == null) {
            errors.add(ValidationError.query(name, "Input should be " + expected, ValidationError.ENUM));
        }
        return value;
    }

    /** Lets the caller parse a value of its own and report a problem under this parameter's name. */
    public void reject(String name, String msg, String type) {
        errors.add(ValidationError.query(name, msg, type));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void validate() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }
}
