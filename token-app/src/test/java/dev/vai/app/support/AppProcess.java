package dev.vai.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's real jar in a child process the test owns: started with the environment it is given, watched through
 * its log, stopped gracefully or killed. The service runs from the jar that ships ({@code target/token-app.jar}, what
 * the Dockerfile runs); dev mode and the test broker from {@code target/token-app-dev.jar}, the README's first
 * command.
 */
public final class AppProcess implements AutoCloseable {

    /** The production artifact: what the Dockerfile runs. */
    public static final Path JAR = Path.of("target", "token-app.jar");
    /** The dev artifact: the same service with dev mode's embedded database and Kafka broker. */
    public static final Path DEV_JAR = Path.of("target", "token-app-dev.jar");

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private AppProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts the service from the jar on a free port, and its management port on another unless
     * {@code VAI_MANAGEMENT_PORT} is given; {@code environment} is added to a copy without any VAI_* variable;
     * {@code jvmOptions} go before {@code -jar}.
     */
    public static AppProcess start(Path workDir, Map<String, String> environment, String... jvmOptions) {
        int port = freePort();
        String given = environment.get("VAI_MANAGEMENT_PORT");
        int managementPort = given != null ? Integer.parseInt(given) : freePort();
        return launch(JAR, workDir, environment, List.of(jvmOptions), given != null
                ? List.of("--server.port=" + port)
                : List.of("--server.port=" + port, "--vai.management-port=" + managementPort), port, managementPort,
                "app");
    }

    /**
     * The settings of a production-mode instance on {@code databaseUrl} (the database's own, or a proxy's in front of
     * it) as {@code database}'s user, and the broker at {@code bootstrap}, with the tests' admin key and secret
     * ({@link TestServicesEnvironmentPostProcessor}) and a topic it creates: a copy, to add to.
     */
    public static Map<String, String> production(String databaseUrl, TestPostgres.Database database,
            String bootstrap) {
        Map<String, String> environment = new HashMap<>();
        environment.put("VAI_MODE", "production");
        environment.put("VAI_DB_URL", databaseUrl);
        environment.put("VAI_DB_USER", database.user());
        environment.put("VAI_DB_PASSWORD", database.password());
        environment.put("VAI_KAFKA_BOOTSTRAP", bootstrap);
        environment.put("VAI_AUDIT_CREATE_TOPIC", "true");
        environment.put("VAI_AUDIT_TOPIC_PARTITIONS", "3");
        environment.put("VAI_AUDIT_TOPIC_REPLICATION_FACTOR", "1");
        environment.put("VAI_ADMIN_KEY", TestServicesEnvironmentPostProcessor.ADMIN_KEY);
        environment.put("VAI_SECRET_KEY", TestServicesEnvironmentPostProcessor.SECRET_KEY);
        return environment;
    }

    /** As {@link #start(Path, Map, String...)}, from the dev artifact, in dev mode's one port unless told otherwise. */
    public static AppProcess startDev(Path workDir, Map<String, String> environment, String... jvmOptions) {
        int port = freePort();
        String given = environment.get("VAI_MANAGEMENT_PORT");
        return launch(DEV_JAR, workDir, environment, List.of(jvmOptions), List.of("--server.port=" + port), port,
                given != null ? Integer.parseInt(given) : port, "app");
    }

    /**
     * Dev mode's broker alone ({@code java -jar token-app-dev.jar dev-kafka}), data in {@code dataDir}, on
     * {@code port}: the tests' real Kafka broker.
     */
    public static AppProcess broker(Path workDir, Path dataDir, int port) {
        return launch(DEV_JAR, workDir, Map.of(), List.of(),
                List.of("dev-kafka", "--port", String.valueOf(port), "--dir", dataDir.toString()), port, port, "broker");
    }

    private static AppProcess launch(Path jar, Path workDir, Map<String, String> environment, List<String> jvmOptions,
            List<String> args, int port, int managementPort, String name) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the tests with 'verify'");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Daxoniq.update-checker.disabled=true",
                "-Duser.home=" + workDir.toAbsolutePath()));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        Path log = workDir.resolve(name + "-" + port + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("VAI_"));
        builder.environment().putAll(environment);
        try {
            return new AppProcess(builder.start(), log, port, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Where {@code /internal} and {@code /actuator} answer: the management port, or the one port of dev mode. */
    public int managementPort() {
        return managementPort;
    }

    /** A client of this instance. */
    public Api api(String adminKey) {
        return new Api(port, managementPort, adminKey);
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the log contains {@code text}; fails with the log if the process dies or time runs out. */
    public void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The service exited (" + process.exitValue() + ") before logging '" + text
                        + "':\n" + log());
            }
            sleep(100);
        }
        throw new AssertionError("Timed out waiting for '" + text + "' in the log:\n" + log());
    }

    /** Waits for the process to exit by itself; its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Still running after " + timeout + ":\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, then wait for the graceful shutdown. */
    public void stop() {
        process.destroy();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
