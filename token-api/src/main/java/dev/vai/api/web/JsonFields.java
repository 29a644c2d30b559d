package dev.vai.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vai.token.InvalidText;
import dev.vai.token.Scope;
import dev.vai.token.ScopeCatalog;
import dev.vai.token.Scopes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Typed, strict access to the fields of a JSON object body. Problems are collected under {@code ["body", <name>]}
 * and {@link #validate()} throws them all at once. Fields that are not asked for are ignored, never honoured.
 */
public final class JsonFields {

    private static final int MIN_MAX_SCOPES = 100;
    /** Up to this many scopes, an unknown name's error lists the catalog. */
    private static final int LISTED_SCOPES = 32;

    private final ObjectNode object;
    private final List<ValidationError> errors = new ArrayList<>();

    JsonFields(ObjectNode object) {
        this.object = object;
    }

    /** The string value; null and an error when absent, null or not a string. */
    public String requiredString(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            errors.add(ValidationError.body(name, "Field required", ValidationError.MISSING));
            return null;
        }
        return string(name, node);
    }

    /** The string value; null when absent or null; an error when not a string. */
    public String optionalString(String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? null : string(name, node);
    }

    private String string(String name, JsonNode node) {
        if (!node.isTextual()) {
            errors.add(ValidationError.body(name, "Input should be a valid string", ValidationError.VALUE_ERROR));
            return null;
        }
        return node.textValue();
    }

    /**
     * An integer in {@code [min, max]}; null when absent or null. JSON strings, fractions, booleans and numbers
     * beyond any range are errors; nothing here can overflow.
     */
    public Integer optionalInteger(String name, int min, int max) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            errors.add(ValidationError.body(name, "Input should be a valid integer", ValidationError.INT_PARSING));
            return null;
        }
        BigInteger value = node.bigIntegerValue();
        ValidationError outOfRange = ValidationError.outOfRange(List.of("body", name), value, min, max);
        if (outOfRange != null) {
            errors.add(outOfRange);
            return null;
        }
        return value.intValueExact();
    }

    /**
     * The scopes an array field names; null when absent or null. Not an array is {@code list_type} on the field, and
     * one longer than {@link #maxScopes} {@code too_long}; an element that is not a string is {@code string_type}, and
     * a name the catalog does not have {@code enum}, each on its index. A name given twice counts once. The bound
     * keeps a 64 KiB body from answering with one error per element: a token cannot hold more than the catalog.
     */
    public Scopes optionalScopes(String name, ScopeCatalog catalog) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            errors.add(ValidationError.body(name, "Input should be a valid list", ValidationError.LIST_TYPE));
            return null;
        }
        int most = maxScopes(catalog);
        if (node.size() > most) {
            errors.add(ValidationError.body(name, "List should have at most " + most + " items",
                    ValidationError.TOO_LONG));
            return null;
        }
        String unknown = catalog.all().asSet().size() <= LISTED_SCOPES
                ? "Input should be one of the scopes this service knows: " + String.join(", ", catalog.all().names())
                : "Input should be one of the scopes this service knows (VAI_SCOPES, tokens:read, tokens:write)";
        List<Scope> scopes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                errors.add(ValidationError.bodyElement(name, i, "Input should be a valid string",
                        ValidationError.STRING_TYPE));
                continue;
            }
            Scope scope = catalog.find(element.textValue());
            if (scope == null) {
                errors.add(ValidationError.bodyElement(name, i, unknown, ValidationError.ENUM));
            } else {
                scopes.add(scope);
            }
        }
        return Scopes.of(scopes);
    }

    /** The longest scope list a request may carry: the catalog's size, and never fewer than 100. */
    public static int maxScopes(ScopeCatalog catalog) {
        return Math.max(MIN_MAX_SCOPES, catalog.all().asSet().size());
    }

    /**
     * Makes a value object of a text field ({@code TokenName::of}, {@code OwnerId::new}); null, and an error under
     * the field's name, when the text breaks one of its rules. Null text (already reported) gives null.
     */
    public <T> T valueOf(String name, String text, Function<String, T> factory) {
        if (text == null) {
            return null;
        }
        try {
            return factory.apply(text);
        } catch (InvalidText e) {
            errors.add(ValidationError.body(name, e.getMessage(), ValidationError.typeOf(e.rule())));
            return null;
        }
    }

    /** Lets the caller validate a value of its own and report a problem under this field's name. */
    public void reject(String name, String msg, String type) {
        errors.add(ValidationError.body(name, msg, type));
    }

    public void validate() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }
}
