package dev.vai.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes no well-behaved client would (CR/LF inside a header, raw non-ASCII) and reads the answer, which is
 * checked against the OpenAPI document like every other ({@link OpenApiContract}).
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, String text) {
    }

    public static Answer send(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request}, a GET of {@code path}, and checks the answer against the OpenAPI document. */
    private static Answer sendChecked(int port, String path, byte[] request) {
        Answer answer = send(port, request);
        String text = answer.text();
        int end = text.indexOf("\r\n\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : text.substring(0, end).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        String body = text.substring(end + 4);
        boolean chunked = headers.entrySet().stream().anyMatch(header -> header.getKey().equalsIgnoreCase(
                "Transfer-Encoding") && header.getValue().get(0).toLowerCase(Locale.ROOT).contains("chunked"));
        OpenApiContract.check("http://127.0.0.1:" + port, "GET", path, null, null, new String[0], answer.status(),
                headers, new String((chunked ? dechunked(body) : body).getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8));
        return answer;
    }

    private static String dechunked(String body) {
        StringBuilder content = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return content.toString();
            }
            content.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** A GET of {@code path} with the given header lines, verbatim, and {@code Connection: close}. */
    public static Answer get(int port, String path, byte[] headerLines) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(headerLines);
        request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return sendChecked(port, path, request.toByteArray());
    }
}
