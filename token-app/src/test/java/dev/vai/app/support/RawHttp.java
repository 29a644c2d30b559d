package dev.vai.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends bytes no well-behaved client would (CR/LF inside a header, raw non-ASCII) and reads the status line. */
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

    /** A GET of {@code path} with the given header lines, verbatim, and {@code Connection: close}. */
    public static Answer get(int port, String path, byte[] headerLines) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(headerLines);
        request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return send(port, request.toByteArray());
    }
}
