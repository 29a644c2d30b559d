package dev.vai.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * A closed-loop HTTP/1.1 load generator: each of {@code connections} threads keeps one keep-alive connection and
 * sends its next request as soon as the previous answer has been read. Small on purpose (raw sockets, no client
 * library), so that the load it costs the shared CPU is the same for the endpoint and its baseline.
 *
 * <p>Closed loop means the latencies are service times: a request that would have been sent during a stall is not
 * sent at all, so percentiles are not corrected for coordinated omission (only the open-loop revocation measure
 * is). Throughput figures are unaffected.
 */
final class LoadGenerator {

    record Result(long requests, long errors, double seconds, Latencies latencies, double serviceCpuMillis,
            double databaseCpuMillis) {

        double throughput() {
            return requests / seconds;
        }

        String describe() {
            return String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms%s%s", throughput(),
                    latencies.percentileMillis(50), latencies.percentileMillis(99),
                    serviceCpuMillis < 0 ? "" : String.format(", service CPU %.2f ms/req", serviceCpuMillis / requests),
                    databaseCpuMillis < 0 ? "" : String.format(", PostgreSQL CPU %.2f ms/req",
                            databaseCpuMillis / requests),
                    errors == 0 ? "" : ", " + errors + " unexpected answers");
        }
    }

    private LoadGenerator() {
    }

    /**
     * Runs {@code warmup}, then measures for {@code duration}. {@code request} gives connection {@code i} the bytes
     * of the request it sends over and over; {@code expected} is the status each answer should have.
     */
    static Result run(int port, int connections, Duration warmup, Duration duration, IntFunction<byte[]> request,
            int expected) throws InterruptedException {
        return run(port, connections, warmup, duration, request, expected, () -> -1L, () -> -1L);
    }

    /**
     * As above, also reporting the CPU time per request of the service ({@code cpuMillis} reads it) and of the
     * database server ({@code databaseCpuMillis}); either reads -1 when it cannot tell.
     */
    static Result run(int port, int connections, Duration warmup, Duration duration, IntFunction<byte[]> request,
            int expected, LongSupplier cpuMillis, LongSupplier databaseCpuMillis) throws InterruptedException {
        return rotating(port, connections, warmup, duration, i -> new byte[][] {request.apply(i)}, expected, cpuMillis,
                databaseCpuMillis);
    }

    /**
     * As above, with connection {@code i} sending the requests {@code requests} gives it in turn, over and over (to
     * spread creates over many owners, say).
     */
    static Result rotating(int port, int connections, Duration warmup, Duration duration,
            IntFunction<byte[][]> requests, int expected, LongSupplier cpuMillis, LongSupplier databaseCpuMillis)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Latencies latencies = new Latencies();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            byte[][] bytes = requests.apply(i);
            Thread thread = new Thread(() -> loop(port, bytes, expected, measureFrom, end, sent, errors,
                    latencies), "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        sleepUntil(measureFrom);
        long cpuBefore = cpuMillis.getAsLong();
        long databaseBefore = databaseCpuMillis.getAsLong();
        for (Thread thread : threads) {
            thread.join();
        }
        long cpuAfter = cpuMillis.getAsLong();
        long databaseAfter = databaseCpuMillis.getAsLong();
        return new Result(sent.get(), errors.get(), duration.toNanos() / 1e9, latencies,
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore,
                databaseBefore < 0 || databaseAfter < 0 ? -1 : databaseAfter - databaseBefore);
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code nanoTime}. */
    static void sleepUntil(long nanoTime) throws InterruptedException {
        while (System.nanoTime() < nanoTime) {
            Thread.sleep(Math.max(1, (nanoTime - System.nanoTime()) / 1_000_000));
        }
    }

    private static void loop(int port, byte[][] rotation, int expected, long measureFrom, long end,
            AtomicLong requests, AtomicLong errors, Latencies latencies) {
        int next = 0;
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    out.write(rotation[next]);
                    next = (next + 1) % rotation.length;
                    out.flush();
                    int answer = readResponse(in);
                    long done = System.nanoTime();
                    if (answer == 0) {
                        break; // the server closed the connection before answering: reconnect, do not count
                    }
                    if (sent >= measureFrom && done <= end) {
                        requests.incrementAndGet();
                        latencies.add(done - sent);
                        if (expected != 0 && Math.abs(answer) != expected) {
                            errors.incrementAndGet();
                        }
                    }
                    if (answer < 0) {
                        break; // "Connection: close" (Tomcat ends a keep-alive connection after 100 requests)
                    }
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
    }

    /**
     * Reads one response (Content-Length or chunked body): its status, negated when the server closes the connection
     * after it; 0 when the connection ended before any answer.
     */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return 0;
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            while (true) {
                long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                skip(in, size);
                line(in);
                if (size == 0) {
                    break;
                }
            }
        } else {
            skip(in, length);
        }
        return close ? -status : status;
    }

    private static void skip(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    static byte[] get(String path, String... headers) {
        return request("GET", path, null, headers);
    }

    static byte[] request(String method, String path, String body, String... headers) {
        StringBuilder text = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            text.append("Content-Length: ").append(content.length).append("\r\n");
        }
        text.append("\r\n");
        byte[] head = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + content.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return all;
    }
}
