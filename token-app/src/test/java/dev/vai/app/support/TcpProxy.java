package dev.vai.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy the test owns, between the application and a server it must not stop (the machine's PostgreSQL):
 * {@link #cut()} drops every connection and resets new ones at once, {@link #restore()} forwards again.
 *
 * <p>The listening port stays bound for the proxy's whole life. Releasing it during a cut and binding it again
 * failed now and then ("Address already in use"): while it was free, an outgoing connection somewhere on the machine
 * could take it as its ephemeral local port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private volatile boolean cut;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Forwards new connections again. */
    public synchronized void restore() {
        cut = false;
    }

    /** Like a network partition that resets: every connection dropped, new ones reset as soon as they arrive. */
    public synchronized void cut() {
        cut = true;
        open.forEach(TcpProxy::reset);
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                continue; // closed by close(): the loop ends
            }
            try {
                if (cut) {
                    reset(client);
                    continue;
                }
                Socket target = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(target);
                if (cut) { // cut() ran while this connection was being opened
                    reset(client);
                    reset(target);
                    open.remove(client);
                    open.remove(target);
                    continue;
                }
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                reset(client); // the target refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes with an RST rather than an orderly FIN, as a dropped route or a restarted server would. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }
}
