package dev.vai.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a JSON object body the strict way: at most {@value #MAX_BYTES} bytes (413), present (422 {@code missing}),
 * declared as JSON (415), valid UTF-8 JSON without duplicate keys or trailing data (422 {@code json_invalid}), and
 * an object. Fields are then read with {@link JsonFields}.
 */
@Component
public class JsonBody {

    public static final int MAX_BYTES = 64 * 1024;

    private final ObjectReader reader;

    public JsonBody(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public JsonFields read(HttpServletRequest request) {
        byte[] bytes = readLimited(request);
        if (bytes.length == 0) {
            throw new RequestValidationException(ValidationError.body(null, "Field required", ValidationError.MISSING));
        }
        if (!isJson(request.getContentType())) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json");
        }
        JsonNode node;
        try {
            node = reader.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new RequestValidationException(
                    ValidationError.body(null, "The request body is not valid JSON", ValidationError.JSON_INVALID));
        } catch (IOException e) {
            throw new RequestValidationException(
                    ValidationError.body(null, "The request body could not be read", ValidationError.JSON_INVALID));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new RequestValidationException(
                    ValidationError.body(null, "Input should be a JSON object", ValidationError.VALUE_ERROR));
        }
        return new JsonFields(object);
    }

    private static byte[] readLimited(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[Math.max(0, (int) Math.min(request.getContentLengthLong(), MAX_BYTES)) + 1];
            int total = 0;
            while (true) {
                if (total == buffer.length) {
                    if (total > MAX_BYTES) {
                        throw tooLarge();
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_BYTES + 1));
                }
                int read = in.read(buffer, total, buffer.length - total);
                if (read < 0) {
                    return Arrays.copyOf(buffer, total);
                }
                total += read;
                if (total > MAX_BYTES) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "The request body could not be read");
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds " + MAX_BYTES + " bytes");
    }

    /** {@code application/json} or {@code application/<anything>+json}; a charset, if given, must be UTF-8. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].strip();
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
